# frozen_string_literal: true

require "uri"
require_relative "client"

module Decidim
  module Dialogd
    # How one Decidim component reaches its dialogue: dialogd's URL, the dialogue, the keys, and the
    # source dialogd registered for the process. Stored in the component's settings with every secret
    # encrypted by the encryptor given (Decidim::AttributeEncryptor in a Decidim site): the keys are
    # never kept in clear text, never rendered, never logged.
    class Connection
      PUBLIC_FIELDS = %w[dialogd_url dialogue_id source_id source_registered_at].freeze
      SECRET_FIELDS = %w[editor_key portal_key decidim_api_key decidim_api_secret].freeze
      FIELDS = (PUBLIC_FIELDS + SECRET_FIELDS).freeze

      attr_accessor(*FIELDS)

      def initialize(attributes = {})
        attributes.each do |name, value|
          name = name.to_s
          public_send("#{name}=", value.to_s.strip.empty? ? nil : value.to_s.strip) if FIELDS.include?(name)
        end
      end

      # From the stored hash: secrets are under "<field>_encrypted".
      def self.load(stored, encryptor:)
        stored = (stored || {}).transform_keys(&:to_s)
        attributes = stored.slice(*PUBLIC_FIELDS)
        SECRET_FIELDS.each do |field|
          cipher = stored["#{field}_encrypted"]
          attributes[field] = encryptor.decrypt(cipher) unless cipher.to_s.empty?
        end
        new(attributes)
      end

      # The hash to store: no secret in clear text.
      def dump(encryptor:)
        stored = PUBLIC_FIELDS.to_h { |field| [field, public_send(field)] }.compact
        SECRET_FIELDS.each do |field|
          value = public_send(field)
          stored["#{field}_encrypted"] = encryptor.encrypt(value) if value
        end
        stored
      end

      # Blank secrets in a form mean "keep the stored one" (forms never echo a key back).
      def merge_secrets_from(previous)
        SECRET_FIELDS.each { |field| public_send("#{field}=", previous.public_send(field)) if public_send(field).nil? }
        self
      end

      # Field => error key, for the admin form.
      def errors
        errors = {}
        errors["dialogd_url"] = "invalid_url" unless http_url?(dialogd_url)
        errors["dialogue_id"] = "blank" if dialogue_id.nil?
        errors["portal_key"] = "blank" if portal_key.nil?
        errors["editor_key"] = "blank" if editor_key.nil?
        errors
      end

      def valid?
        errors.empty?
      end

      def configured?
        http_url?(dialogd_url) && !dialogue_id.nil?
      end

      def decidim_credentials
        return nil unless decidim_api_key && decidim_api_secret

        { api_key: decidim_api_key, api_secret: decidim_api_secret }
      end

      # A client for public reads: no key at all, so nothing secret can leak into a page.
      def public_client(**options)
        Client.new(base_url: dialogd_url, **options)
      end

      def portal_client(**options)
        Client.new(base_url: dialogd_url, api_key: portal_key, **options)
      end

      def editor_client(**options)
        Client.new(base_url: dialogd_url, api_key: editor_key, **options)
      end

      def inspect
        secrets = SECRET_FIELDS.map { |f| "#{f}=#{public_send(f) ? '[set]' : 'nil'}" }.join(" ")
        "#<#{self.class.name} #{dialogd_url} dialogue=#{dialogue_id} #{secrets}>"
      end

      private

      def http_url?(value)
        uri = URI.parse(value.to_s)
        uri.is_a?(URI::HTTP) && !uri.host.to_s.empty?
      rescue URI::InvalidURIError
        false
      end
    end
  end
end
