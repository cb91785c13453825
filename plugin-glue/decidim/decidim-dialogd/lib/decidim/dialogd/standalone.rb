# frozen_string_literal: true

# The parts of decidim-dialogd that need no Decidim: the client, the presenters, the fallback
# renderer (Action View) and the services the Decidim controllers and commands call. The tests load
# this file; lib/decidim/dialogd.rb loads it together with the engines and the component manifest.
require_relative "version"
require_relative "errors"
require_relative "client"
require_relative "connection"
require_relative "dialogue_view"
require_relative "trace_view"
require_relative "contribution_forwarder"
require_relative "source_registration"
require_relative "renderer"
