#pragma once
// The DCAT-AP-SE catalogue of an organisation's open data, as JSON-LD: one dcat:Catalog published
// by the organisation (foaf:Agent), one dcat:Dataset per open-data resource (open_data.hpp), one
// dcat:Distribution per format with its download URL. Mandatory properties of DCAT-AP-SE are all
// present: catalogue title, description, publisher, dataset, licence; dataset title, description,
// publisher, contact point (vcard:Organization with vcard:fn and vcard:hasEmail); distribution
// accessURL; agent foaf:name.
#include <optional>
#include <string>
#include <vector>

#include "public_data.hpp"

namespace dialogd::cms::dcat {

struct Config {
  std::string base_url;  // "https://dialog.example.se", no trailing slash
  std::string license = "http://creativecommons.org/publicdomain/zero/1.0/";  // CC0 1.0
  // The organisation's contact point for the data: a function mailbox, never a person's address.
  std::string contact_name;   // vcard:fn, e.g. "Region Norrbotten, medborgardialog"
  std::string contact_email;  // "dialog@example.se" (written as a mailto: IRI)
  std::optional<std::string> contact_url;
  // EU frequency authority: CONT (continuously updated) by default.
  std::string accrual_periodicity =
      "http://publications.europa.eu/resource/authority/frequency/CONT";
  std::optional<std::string> modified;  // RFC 3339 of the newest change in the data, if known
};

// The open-data URL of a resource's distribution:
// {base}/open-data/organisations/{org}/{resource}.{json|csv}
std::string download_url(const Config& c, std::string_view organisation_id,
                         std::string_view file_name);
// {base}/open-data/organisations/{org}/catalog.jsonld
std::string catalog_url(const Config& c, std::string_view organisation_id);

// The JSON-LD document (application/ld+json).
std::string catalog_jsonld(const PublicOrganisation& org, const Config& config);

}  // namespace dialogd::cms::dcat
