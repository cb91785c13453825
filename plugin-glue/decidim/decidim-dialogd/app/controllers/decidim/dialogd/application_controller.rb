# frozen_string_literal: true

module Decidim
  module Dialogd
    # The public controllers of the component: the connection, clients and page options.
    class ApplicationController < Decidim::Components::BaseController
      helper_method :dialogue_options

      private

      def connection
        @connection ||= ConnectionStore.new(current_component).load
      end

      def public_client
        connection.public_client(**Dialogd.client_options(locale: current_locale))
      end

      def portal_client
        connection.portal_client(**Dialogd.client_options(locale: current_locale))
      end

      # dialogd's public reads, kept briefly so a busy page does not ask dialogd on every view. A view
      # with a part missing (dialogd down, rate limited) is not kept: the next visitor asks again.
      def dialogue_view
        key = ["decidim-dialogd", current_component.id, connection.dialogue_id, current_locale].join("/")
        cached = Rails.cache.read(key)
        return cached if cached

        view = DialogueView.fetch(public_client, connection.dialogue_id, locale: current_locale)
        Rails.cache.write(key, view, expires_in: Dialogd.config.cache_expires_in) if view.complete?
        view
      end

      def dialogue_options(**extra)
        PageOptions.build(global: component_settings, step: current_settings,
                          contribute_url: contributions_path, receipt_url: receipt_path,
                          authenticity_token: form_authenticity_token,
                          form_token: ContributionForwarder.new_token, **extra)
      end
    end
  end
end
