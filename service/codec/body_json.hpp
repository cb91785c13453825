#pragma once
// Organisations, bodies with their principles, and yearly implementation plans as JSON documents,
// read with every problem at once (each with its JSON path).
#include <boost/json/object.hpp>

#include "codec/field_errors.hpp"
#include "domain/body.hpp"
#include "domain/organisation.hpp"

namespace dialogd::codec {

// The members a client writes; `id`, `version` and the instants are added by the caller.
boost::json::object organisation_document(const domain::Organisation& o);
void read_organisation(const boost::json::object& obj, domain::Organisation& into,
                       FieldErrors& errors);

boost::json::object body_document(const domain::Body& b);
void read_body(const boost::json::object& obj, domain::Body& into, FieldErrors& errors);

boost::json::object plan_document(const domain::ImplementationPlan& p);
domain::ImplementationPlan read_implementation_plan(const boost::json::object& obj,
                                                    FieldErrors& errors);

}  // namespace dialogd::codec
