# frozen_string_literal: true

# The entry point Bundler requires in a Decidim application: the plain parts, then the two Rails
# engines and the component manifest (Decidim.register_component(:dialogd)).
require "active_support/configurable"
require "decidim/dialogd/standalone"
require "decidim/dialogd/admin"
require "decidim/dialogd/engine"
require "decidim/dialogd/admin_engine"
require "decidim/dialogd/component"

module Decidim
  # The dialogd component: a participatory process's citizen dialogue, kept in dialogd.
  module Dialogd
    include ActiveSupport::Configurable

    # Timeouts and retries of every call to dialogd (seconds).
    config_accessor :open_timeout do
      2
    end

    config_accessor :read_timeout do
      5
    end

    config_accessor :retries do
      2
    end

    # How long a page keeps dialogd's public reads before asking again (seconds).
    config_accessor :cache_expires_in do
      60
    end

    def self.client_options(locale: nil)
      { open_timeout: config.open_timeout, read_timeout: config.read_timeout, retries: config.retries,
        locale: locale, logger: defined?(::Rails.logger) ? ::Rails.logger : nil }
    end
  end
end
