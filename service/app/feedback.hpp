#pragma once
// Feedback tracking: portals' webhooks, coverage of what is owed, overdue feedback, the public
// feedback, and erasing a person's contact details.
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/result.hpp"
#include "store/feedback_repository.hpp"

namespace dialogd::app {

using Webhook = store::Webhook;
using PublicEntry = store::PublicEntry;

inline constexpr std::array<std::string_view, 5> webhook_events{
    "feedback.report", "feedback.decision", "feedback.follow_up", "feedback.cancellation", "*"};

struct WebhookInput {
  std::string url;
  bool allow_private = false;  // the operator's --allow-private-webhooks
  std::vector<std::string> events;
  std::string secret;
  codec::FieldErrors read_errors;
};
Result<Webhook> register_webhook(Context& ctx, WebhookInput in);
std::vector<Webhook> list_webhooks(Context& ctx);
Result<Done> remove_webhook(Context& ctx, const std::string& id);

struct MomentCoverage {
  store::FeedbackMoment moment;
  store::MomentCounts counts;
};
struct FeedbackCoverage {
  long long contributions = 0, traced = 0;
  long long participants_opted_in = 0;
  std::vector<MomentCoverage> moments;
  std::vector<PublicEntry> public_entries;
};
Result<FeedbackCoverage> feedback_coverage(Context& ctx, const std::string& dialogue_id);
Result<std::vector<PublicEntry>> public_feedback(Context& ctx, const std::string& dialogue_id);

struct OverdueRow {
  std::string dialogue_id, title, state;
  long long overdue_messages = 0;
  std::optional<std::string> follow_up_due_on;
  bool follow_up_overdue = false;
};
std::vector<OverdueRow> overdue_feedback(Context& ctx);

// Erases every contact detail given with this address; answers how many contributions had one.
Result<long long> erase_contacts(Context& ctx, const std::string& email);

}  // namespace dialogd::app
