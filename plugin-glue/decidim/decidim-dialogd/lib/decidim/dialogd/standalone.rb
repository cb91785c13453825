# frozen_string_literal: true

# The parts of decidim-dialogd that need no Decidim: the client, the presenters, the fallback
# renderer (Action View) and the services the Decidim controllers and commands call. The tests load
# this file; lib/decidim/dialogd.rb loads it together with the engines and the component manifest.
require "i18n"
require_relative "version"
require_relative "errors"
require_relative "client"
require_relative "connection"
require_relative "dialogue_view"
require_relative "trace_view"
require_relative "contribution_forwarder"
require_relative "source_registration"
require_relative "renderer"
require_relative "connection_store"
require_relative "save_connection"
require_relative "page_options"

module Decidim
  # The dialogd component (see lib/decidim/dialogd.rb).
  module Dialogd
    LOCALE_FILES = Dir[File.expand_path("../../../config/locales/*.yml", __dir__)].freeze

    # Inside a Rails application the engine's config/locales are loaded by Rails; outside one (the
    # tests) this adds them to I18n once.
    def self.load_translations!
      return if defined?(::Rails.application) && ::Rails.application

      missing = LOCALE_FILES - I18n.load_path.map(&:to_s)
      return if missing.empty?

      I18n.load_path.concat(missing)
      I18n.available_locales = (I18n.available_locales + %i[sv en]).uniq
      I18n.backend.reload!
    end
  end
end
