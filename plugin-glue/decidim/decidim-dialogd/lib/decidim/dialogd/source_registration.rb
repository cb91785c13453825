# frozen_string_literal: true

require "digest"
require_relative "client"

module Decidim
  module Dialogd
    # Registers a Decidim participatory process as the Decidim source of a dialogue in dialogd
    # (POST /v1/dialogues/{id}/sources, editor key), so that dialogd's Decidim adapter starts syncing
    # with no other step. Called when the admin saves the component's connection.
    class SourceRegistration
      # status: :registered (source is dialogd's answer), :unsupported (this dialogd has no sources
      # route yet), :invalid (errors: field => message).
      Result = Struct.new(:status, :source, :errors, keyword_init: true) do
        def registered?
          status == :registered
        end
      end

      def initialize(client:)
        @client = client
      end

      # decidim_url: the organisation's address; process_id: the participatory process; component_ids:
      # the components dialogd should read (this one at least); credentials: {api_key:, api_secret:}.
      def call(dialogue_id:, decidim_url:, process_id:, component_ids: [], credentials: nil)
        begin
          @client.dialogue(dialogue_id)
        rescue NotFound
          return Result.new(status: :invalid, errors: { "dialogue_id" => "not_found" })
        end
        body = source_body(decidim_url, process_id, component_ids, credentials)
        register(dialogue_id, body)
      rescue Unauthorized, Forbidden
        Result.new(status: :invalid, errors: { "editor_key" => "rejected" })
      end

      def source_body(decidim_url, process_id, component_ids, credentials)
        body = { kind: "decidim", base_url: decidim_url.to_s.chomp("/"), process_id: process_id.to_s }
        ids = Array(component_ids).map(&:to_s).reject(&:empty?)
        body[:components] = ids unless ids.empty?
        body[:credentials] = { api_key: credentials[:api_key], api_secret: credentials[:api_secret] } if credentials
        body
      end

      private

      def register(dialogue_id, body)
        source = @client.create_source(dialogue_id, body, idempotency_key: idempotency_key(dialogue_id, body))
        Result.new(status: :registered, source: source, errors: {})
      rescue NotFound
        # The dialogue exists (read above), so a 404 here is a dialogd without the sources route.
        Result.new(status: :unsupported, errors: {})
      rescue ValidationFailed => e
        Result.new(status: :invalid, errors: e.field_errors.transform_keys { |f| field_for(f) })
      end

      # The same save twice replays dialogd's first answer; a changed body registers anew. The digest
      # covers the credentials without putting them in the key.
      def idempotency_key(dialogue_id, body)
        "decidim-source-#{Digest::SHA256.hexdigest(JSON.generate([dialogue_id, body]))[0, 40]}"
      end

      def field_for(path)
        case path
        when /\Acredentials/ then "decidim_api_key"
        when "base_url" then "base"
        else path.sub(/\[\d+\]\z/, "")
        end
      end
    end
  end
end
