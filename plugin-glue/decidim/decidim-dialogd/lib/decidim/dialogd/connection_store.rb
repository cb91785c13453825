# frozen_string_literal: true

require_relative "connection"

module Decidim
  module Dialogd
    # Keeps a component's Connection in the component's own settings column, under a key of its own
    # ("dialogd_connection") next to Decidim's "global", "default_step" and "steps": Decidim's
    # settings form writes those three and leaves this one alone. Secrets are encrypted with
    # Decidim::AttributeEncryptor (its class methods in 0.27/0.28, an instance with the default secret in 0.31, so
    # values stored before an upgrade still decrypt).
    class ConnectionStore
      KEY = "dialogd_connection"

      def self.decidim_encryptor
        encryptor = ::Decidim::AttributeEncryptor
        encryptor.respond_to?(:encrypt) ? encryptor : encryptor.new
      end

      # component: anything with [](:settings), []=(:settings, hash) and save! (a Decidim::Component).
      def initialize(component, encryptor: nil)
        @component = component
        @encryptor = encryptor
      end

      def load
        Connection.load(settings[KEY], encryptor: encryptor)
      end

      def save!(connection)
        # Writes the raw column, not Component#settings= (which would reshape "global").
        @component[:settings] = settings.merge(KEY => connection.dump(encryptor: encryptor))
        @component.save!
        connection
      end

      private

      def settings
        (@component[:settings] || {}).to_h.transform_keys(&:to_s)
      end

      def encryptor
        @encryptor ||= self.class.decidim_encryptor
      end
    end
  end
end
