# frozen_string_literal: true

require "time"
require_relative "connection_store"
require_relative "source_registration"

module Decidim
  module Dialogd
    # What happens when an administrator saves the component's connection form: the connection is
    # checked, the process is registered as the dialogue's Decidim source in dialogd (editor key), and
    # only then stored, keys encrypted. The Decidim command (Admin::UpdateConnection) wraps this.
    class SaveConnection
      # status: :ok (registered), :unsupported (stored; this dialogd has no sources route yet),
      # :invalid (errors: field => error key), :unavailable (dialogd did not answer; nothing stored).
      Result = Struct.new(:status, :errors, :connection, :source, keyword_init: true)

      def initialize(store:, decidim_url:, process_id:, component_id:, client_options: {})
        @store = store
        @decidim_url = decidim_url
        @process_id = process_id
        @component_id = component_id
        @client_options = client_options
      end

      # attributes: dialogd_url, dialogue_id, editor_key, portal_key, decidim_api_key, decidim_api_secret.
      # Blank keys keep the stored ones.
      def call(attributes)
        previous = @store.load
        connection = Connection.new(attributes.to_h.transform_keys(&:to_s).slice(*Connection::FIELDS - %w[source_id source_registered_at]))
        connection.merge_secrets_from(previous)
        return Result.new(status: :invalid, errors: connection.errors, connection: connection) unless connection.valid?

        register(connection, previous)
      rescue ConnectionError, ServerError, UnexpectedResponse
        Result.new(status: :unavailable, errors: {}, connection: connection)
      end

      private

      def register(connection, previous)
        result = SourceRegistration.new(client: connection.editor_client(**@client_options)).call(
          dialogue_id: connection.dialogue_id, decidim_url: @decidim_url, process_id: @process_id,
          component_ids: [@component_id], credentials: connection.decidim_credentials
        )
        case result.status
        when :invalid
          Result.new(status: :invalid, errors: result.errors, connection: connection)
        when :registered
          connection.source_id = result.source["id"].to_s
          connection.source_registered_at = Time.now.utc.iso8601
          Result.new(status: :ok, errors: {}, connection: @store.save!(connection), source: result.source)
        else
          keep_previous_source(connection, previous)
          Result.new(status: :unsupported, errors: {}, connection: @store.save!(connection))
        end
      end

      def keep_previous_source(connection, previous)
        return unless previous.dialogue_id == connection.dialogue_id

        connection.source_id = previous.source_id
        connection.source_registered_at = previous.source_registered_at
      end
    end
  end
end
