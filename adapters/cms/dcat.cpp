#include "dcat.hpp"

#include <boost/json.hpp>

#include "open_data.hpp"
#include "text.hpp"

namespace dialogd::cms::dcat {

namespace {

namespace json = boost::json;
using open_data::Format;
using open_data::Resource;

constexpr std::string_view eu = "http://publications.europa.eu/resource/authority/";

std::string trimmed(std::string_view base) {
  std::string b(base);
  while (!b.empty() && b.back() == '/') b.pop_back();
  return b;
}

json::object iri(std::string_view id) {
  return json::object{{"@id", text::valid_utf8(id)}};
}

json::array texts(std::string_view sv, std::string_view en) {
  json::array a;
  a.push_back(json::object{{"@value", text::valid_utf8(sv)}, {"@language", "sv"}});
  a.push_back(json::object{{"@value", text::valid_utf8(en)}, {"@language", "en"}});
  return a;
}

struct DatasetText {
  Resource resource;
  std::string_view title_sv, title_en, description_sv, description_en;
  std::string_view keyword_sv, keyword_en;
};

constexpr DatasetText dataset_texts[] = {
    {Resource::dialogues, "Medborgardialoger", "Citizen dialogues",
     "Organisationens medborgardialoger: rubrik, läge i processen, syfte, frågeområden, målgrupper "
     "med förväntad andel och utlovat steg på delaktighetstrappan. Inga personuppgifter.",
     "The organisation's citizen dialogues: title, state in the process, purpose, question areas, "
     "target groups with their expected share and the declared step on the participation ladder. "
     "No personal data.",
     "dialog", "dialogue"},
    {Resource::activities, "Dialogaktiviteter", "Dialogue activities",
     "Genomförda aktiviteter i medborgardialogerna: datum, plats, metod, antal deltagare och den "
     "publika dokumentationen. Den interna dokumentationen publiceras aldrig.",
     "Activities held in the citizen dialogues: date, place, method, number of participants and "
     "the public documentation. Internal documentation is never published.",
     "aktivitet", "activity"},
    {Resource::needs, "Behov från medborgardialoger", "Needs from citizen dialogues",
     "Behov som analysen av medborgarnas synpunkter har lett fram till, med antalet synpunkter som "
     "stöder varje behov. Synpunkternas texter publiceras inte.",
     "Needs found by the analysis of the citizens' contributions, with the number of contributions "
     "behind each. The contributions' texts are not published.",
     "behov", "need"},
    {Resource::measures, "Åtgärder och deras status", "Measures and their status",
     "Åtgärder som styrelsen föreslagit för behoven, fullmäktiges beslut om dem och hur långt de "
     "har genomförts.",
     "Measures the board proposed for the needs, the council's decision on each and how far each "
     "has come.",
     "åtgärd", "measure"},
    {Resource::feedback, "Återkoppling till medborgare", "Feedback to citizens",
     "Den publika återkopplingen vid rapport, beslut, uppföljning eller avbrytande, på svenska och "
     "(där den finns) engelska.",
     "The public feedback at the report, the decision, the follow-up or a cancellation, in Swedish "
     "and (where available) English.",
     "återkoppling", "feedback"},
    {Resource::contribution_counts, "Antal synpunkter per målgrupp, kanal och tema",
     "Contributions per target group, channel and theme",
     "Hur många synpunkter varje dialog fått per målgrupp, kanal och tema. Endast antal: inga "
     "texter, inga kontaktuppgifter.",
     "How many contributions each dialogue received per target group, channel and theme. Counts "
     "only: no texts, no contact details.",
     "synpunkter", "contributions"},
};

json::object contact_point(const PublicOrganisation& org, const Config& c) {
  json::object cp;
  cp["@type"] = "vcard:Organization";
  cp["vcard:fn"] = text::valid_utf8(c.contact_name.empty() ? org.name : c.contact_name);
  if (!c.contact_email.empty()) cp["vcard:hasEmail"] = iri("mailto:" + c.contact_email);
  if (c.contact_url)
    cp["vcard:hasURL"] = iri(*c.contact_url);
  else if (c.contact_email.empty() && org.url)
    cp["vcard:hasURL"] = iri(*org.url);
  return cp;
}

}  // namespace

std::string download_url(const Config& c, std::string_view organisation_id,
                         std::string_view file_name) {
  return trimmed(c.base_url) + "/open-data/organisations/" + text::percent_encode(organisation_id) +
         "/" + std::string(file_name);
}

std::string catalog_url(const Config& c, std::string_view organisation_id) {
  return download_url(c, organisation_id, "catalog.jsonld");
}

std::string catalog_jsonld(const PublicOrganisation& org, const Config& c) {
  const std::string self = catalog_url(c, org.id);
  const std::string publisher_id = self + "#publisher";
  const std::string homepage = org.url ? *org.url : trimmed(c.base_url) + "/";

  json::object context{{"dcat", "http://www.w3.org/ns/dcat#"},
                       {"dcterms", "http://purl.org/dc/terms/"},
                       {"foaf", "http://xmlns.com/foaf/0.1/"},
                       {"vcard", "http://www.w3.org/2006/vcard/ns#"},
                       {"xsd", "http://www.w3.org/2001/XMLSchema#"}};

  json::object publisher;
  publisher["@id"] = publisher_id;
  publisher["@type"] = "foaf:Agent";
  publisher["foaf:name"] = texts(org.name, org.name_en ? *org.name_en : org.name);
  if (org.url) publisher["foaf:homepage"] = iri(*org.url);

  json::array languages{iri(std::string(eu) + "language/SWE"),
                        iri(std::string(eu) + "language/ENG")};

  json::array datasets;
  for (const auto& t : dataset_texts) {
    const std::string name(open_data::to_string(t.resource));
    json::object ds;
    ds["@id"] = self + "#dataset-" + name;
    ds["@type"] = "dcat:Dataset";
    ds["dcterms:identifier"] = self + "#dataset-" + name;
    ds["dcterms:title"] = texts(t.title_sv, t.title_en);
    ds["dcterms:description"] = texts(t.description_sv, t.description_en);
    ds["dcterms:publisher"] = iri(publisher_id);
    ds["dcat:contactPoint"] = contact_point(org, c);
    ds["dcterms:accrualPeriodicity"] = iri(c.accrual_periodicity);
    ds["dcat:theme"] = iri(std::string(eu) + "data-theme/GOVE");
    json::array keywords;
    for (auto [sv, en] :
         {std::pair<std::string_view, std::string_view>{"medborgardialog", "citizen dialogue"},
          {t.keyword_sv, t.keyword_en}}) {
      keywords.push_back(json::object{{"@value", sv}, {"@language", "sv"}});
      keywords.push_back(json::object{{"@value", en}, {"@language", "en"}});
    }
    ds["dcat:keyword"] = std::move(keywords);
    ds["dcterms:language"] = languages;
    ds["dcat:landingPage"] = iri(homepage);
    if (c.modified) {
      if (auto t2 = text::parse_rfc3339(*c.modified))
        ds["dcterms:modified"] =
            json::object{{"@value", text::rfc3339_seconds(*t2)}, {"@type", "xsd:dateTime"}};
    }
    json::array dists;
    for (Format f : {Format::json, Format::csv}) {
      const std::string file = open_data::file_name(t.resource, f);
      const std::string url = download_url(c, org.id, file);
      const bool csv = f == Format::csv;
      json::object d;
      d["@id"] = self + "#distribution-" + name + "-" + std::string(open_data::to_string(f));
      d["@type"] = "dcat:Distribution";
      d["dcterms:title"] = texts(std::string(t.title_sv) + (csv ? " (CSV)" : " (JSON)"),
                                 std::string(t.title_en) + (csv ? " (CSV)" : " (JSON)"));
      d["dcat:accessURL"] = iri(url);
      d["dcat:downloadURL"] = iri(url);
      d["dcterms:format"] = iri(std::string(eu) + (csv ? "file-type/CSV" : "file-type/JSON"));
      d["dcat:mediaType"] =
          iri(csv ? "https://www.iana.org/assignments/media-types/text/csv"
                  : "https://www.iana.org/assignments/media-types/application/json");
      d["dcterms:license"] = iri(c.license);
      dists.push_back(std::move(d));
    }
    ds["dcat:distribution"] = std::move(dists);
    datasets.push_back(std::move(ds));
  }

  json::object cat;
  cat["@context"] = std::move(context);
  cat["@id"] = self;
  cat["@type"] = "dcat:Catalog";
  const std::string en_name = org.name_en ? *org.name_en : org.name;
  cat["dcterms:title"] = texts("Öppna data om medborgardialog – " + org.name,
                               "Open data on citizen dialogue – " + en_name);
  cat["dcterms:description"] =
      texts("Medborgardialoger i " + org.name +
                " från beslut till återkoppling: dialoger, aktiviteter, behov, åtgärder, "
                "återkoppling och "
                "antal synpunkter. Innehåller inga personuppgifter.",
            "Citizen dialogues of " + en_name +
                " from decision to feedback: dialogues, activities, needs, measures, feedback and "
                "contribution counts. Contains no personal data.");
  cat["dcterms:publisher"] = std::move(publisher);
  cat["dcterms:license"] = iri(c.license);
  cat["dcterms:language"] = std::move(languages);
  cat["foaf:homepage"] = iri(homepage);
  if (c.modified) {
    if (auto t = text::parse_rfc3339(*c.modified))
      cat["dcterms:modified"] =
          json::object{{"@value", text::rfc3339_seconds(*t)}, {"@type", "xsd:dateTime"}};
  }
  cat["dcat:dataset"] = std::move(datasets);
  return json::serialize(cat) + "\n";
}

}  // namespace dialogd::cms::dcat
