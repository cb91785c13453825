#include "decidim/queries.hpp"

#include <algorithm>

namespace dialogd::decidim::queries {

// Translated fields ask for every translation; the parser picks sv, then en, then any.
const std::string_view kVersion = R"(query DecidimVersion {
  decidim { version applicationName }
  organization { name }
})";

const std::string_view kProcess = R"(query ProcessWithStepsAndComponents($id: ID!) {
  participatoryProcess(id: $id) {
    id
    slug
    reference
    publishedAt
    startDate
    endDate
    title { translations { locale text machineTranslated } }
    description { translations { locale text machineTranslated } }
    steps {
      id
      position
      active
      startDate
      endDate
      title { translations { locale text machineTranslated } }
    }
    components {
      __typename
      id
      weight
      name { translations { locale text machineTranslated } }
    }
  }
})";

// attendeeCount is singular in the read API. onlineMeetingUrl and coordinates are left out:
// both are non-null in the schema and fail on real data.
const std::string_view kMeetingsPage =
    R"(query MeetingsPage($componentId: ID!, $first: Int = 50, $after: String) {
  component(id: $componentId) {
    __typename
    id
    ... on Meetings {
      meetings(first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges {
          cursor
          node {
            id
            title { translations { locale text machineTranslated } }
            startTime
            endTime
            typeOfMeeting
            address
            location { translations { locale text machineTranslated } }
            closed
            closingReport { translations { locale text machineTranslated } }
            attendeeCount
            isWithdrawn
            privateMeeting
            transparent
          }
        }
      }
    }
  }
})";

// No author fields: dialogd keeps no personal data from Decidim.
const std::string_view kProposalsPage =
    R"(query ProposalsPage($componentId: ID!, $first: Int = 50, $after: String) {
  component(id: $componentId) {
    __typename
    id
    ... on Proposals {
      proposals(first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges {
          cursor
          node {
            id
            title { translations { locale text machineTranslated } }
            body { translations { locale text machineTranslated } }
            publishedAt
            state
            official
            createdInMeeting
          }
        }
      }
    }
  }
})";

const std::string_view kResultsPage =
    R"(query ResultsPage($componentId: ID!, $first: Int = 50, $after: String) {
  component(id: $componentId) {
    __typename
    id
    ... on Accountability {
      results(first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges {
          cursor
          node {
            id
            externalId
            title { translations { locale text machineTranslated } }
            description { translations { locale text machineTranslated } }
            startDate
            endDate
            progress
            parent { id }
            status { id key progress }
          }
        }
      }
    }
  }
})";

boost::json::object process_variables(std::string_view process_id) {
  boost::json::object vars;
  vars["id"] = process_id;
  return vars;
}

boost::json::object page_variables(std::string_view component_id, int first,
                                   const std::optional<std::string>& after) {
  boost::json::object vars;
  vars["componentId"] = component_id;
  vars["first"] = std::clamp(first, 1, kMaxPageSize);
  if (after)
    vars["after"] = *after;
  else
    vars["after"] = nullptr;
  return vars;
}

}  // namespace dialogd::decidim::queries
