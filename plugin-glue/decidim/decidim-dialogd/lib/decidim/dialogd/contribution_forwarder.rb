# frozen_string_literal: true

require "securerandom"
require_relative "client"

module Decidim
  module Dialogd
    # Sends a citizen's contribution from the Decidim site's server to dialogd with the portal key,
    # so the key never reaches the browser. The form carries a one-time token; it becomes the
    # Idempotency-Key, so a double click or a reload of the POST gives the same receipt, not two
    # contributions.
    class ContributionForwarder
      TOKEN = /\A[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\z/

      # receipt on success; otherwise errors: { "text" => "message", "base" => "message" }.
      Result = Struct.new(:receipt, :errors, keyword_init: true) do
        def success?
          errors.empty?
        end
      end

      # A fresh token for a new form.
      def self.new_token
        SecureRandom.uuid
      end

      def initialize(client:, dialogue_id:, locale: "sv")
        @client = client
        @dialogue_id = dialogue_id
        @locale = locale.to_s
      end

      # params: "text", "themes" [], "groups" [], "email", "name", "consent" ("1"), "token".
      def call(params)
        params = params.to_h.transform_keys(&:to_s)
        created = @client.create_contribution(@dialogue_id, body(params), idempotency_key: idempotency_key(params["token"]))
        Result.new(receipt: created["receipt"], errors: {})
      rescue ValidationFailed => e
        Result.new(receipt: nil, errors: form_errors(e))
      rescue Conflict => e
        Result.new(receipt: nil, errors: { "base" => message(e.slug == "dialogue-not-open" ? "closed" : "conflict") })
      rescue ConnectionError, ServerError, RateLimited, UnexpectedResponse
        Result.new(receipt: nil, errors: { "base" => message("unavailable") })
      rescue ProblemError
        Result.new(receipt: nil, errors: { "base" => message("conflict") })
      end

      # The JSON dialogd receives: channel "web", the page's language, contact only when given.
      def body(params)
        body = { text: params["text"].to_s.strip, channel: "web", language: @locale }
        themes = list(params["themes"])
        groups = list(params["groups"])
        body[:themes] = themes unless themes.empty?
        body[:groups] = groups unless groups.empty?
        email = params["email"].to_s.strip
        unless email.empty?
          contact = { email: email, consent: params["consent"].to_s == "1" }
          name = params["name"].to_s.strip
          contact[:name] = name unless name.empty?
          body[:contact] = contact
        end
        body
      end

      private

      def idempotency_key(token)
        token = token.to_s
        "decidim-contribution-#{token.match?(TOKEN) ? token : SecureRandom.uuid}"
      end

      def list(value)
        Array(value).map { |v| v.to_s.strip }.reject(&:empty?).uniq
      end

      # dialogd's JSON paths to the form's fields: "contact.email" -> "email", "groups[1]" -> "groups".
      def form_errors(error)
        error.errors.each_with_object({}) do |e, errors|
          field = e["field"].to_s.sub(/\Acontact\./, "").sub(/\[\d+\]\z/, "")
          field = "base" unless %w[text themes groups email name consent].include?(field)
          errors[field] ||= message("field.#{field}", default: e["message"].to_s)
        end
      end

      def message(key, default: nil)
        I18n.t("decidim.dialogd.contributions.errors.#{key}", locale: @locale, default: default || key)
      end
    end
  end
end
