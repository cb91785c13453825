#include "domain/dialogue.hpp"

namespace dialogd::domain {

ClassifyInput ladder_input(const Dialogue& d, bool has_checkpoint) {
  ClassifyInput in;
  if (d.plan.design) in.design = *d.plan.design;
  in.methods = d.plan.methods;
  in.declared_level = d.plan.declared_level;
  // A plan that says how participants hear back is a feedback commitment (issue 4).
  if (d.plan.has_feedback_plan()) in.feedback_commitment = true;
  in.representation_applies = d.state != State::draft && d.state != State::planned &&
                              d.state != State::preparing && d.state != State::cancelled;
  in.has_checkpoint = has_checkpoint;
  return in;
}

}  // namespace dialogd::domain
