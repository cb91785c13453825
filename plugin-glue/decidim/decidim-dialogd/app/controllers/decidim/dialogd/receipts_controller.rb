# frozen_string_literal: true

module Decidim
  module Dialogd
    # The receipt lookup without JavaScript: asks dialogd server-side and shows the trace.
    class ReceiptsController < Dialogd::ApplicationController
      def show
        return render "decidim/dialogd/dialogues/not_configured" unless connection.configured?

        @trace = TraceView.lookup(public_client, params[:code], locale: current_locale) if params[:code].present?
      rescue Dialogd::Error
        flash.now[:alert] = t("decidim.dialogd.dialogue.unavailable")
      end
    end
  end
end
