# frozen_string_literal: true

require_relative "lib/decidim/dialogd/version"

Gem::Specification.new do |s|
  s.name = "decidim-dialogd"
  s.version = Decidim::Dialogd::VERSION
  s.authors = ["dialogd contributors"]
  s.license = "EUPL-1.2"
  s.summary = "A Decidim component that shows a process's citizen dialogue from dialogd and forwards contributions to it"
  s.description = <<~TEXT
    Puts dialogd (medborgardialog: citizen dialogue from decision to feedback) inside a Decidim site:
    the dialogue's status, participation-ladder step, representation and public feedback on the
    process page, a receipt lookup, contributions forwarded server-side with dialogd's portal key,
    and the process registered as the dialogue's Decidim source when the admin saves the link.
  TEXT
  s.homepage = "https://dialogd.se"
  s.metadata = { "rubygems_mfa_required" => "true" }
  s.required_ruby_version = ">= 3.0"

  s.files = Dir["{app,config,lib}/**/*", "README.md", "Rakefile"]
  s.require_paths = ["lib"]

  s.add_dependency "decidim-admin", *Decidim::Dialogd::DECIDIM_VERSION
  s.add_dependency "decidim-core", *Decidim::Dialogd::DECIDIM_VERSION
end
