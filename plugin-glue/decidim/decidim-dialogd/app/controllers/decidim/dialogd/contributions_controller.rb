# frozen_string_literal: true

module Decidim
  module Dialogd
    # Receives the contribution form and forwards it to dialogd with the portal key, server-side.
    class ContributionsController < Dialogd::ApplicationController
      def create
        enforce_permission_to :create, :contribution
        forwarder = ContributionForwarder.new(client: portal_client, dialogue_id: connection.dialogue_id,
                                              locale: current_locale)
        result = forwarder.call(contribution_params)
        if result.success?
          # Post/redirect/get: a reload shows the receipt and sends nothing again.
          flash[:dialogd_receipt] = result.receipt
          redirect_to root_path(anchor: "dialogd-title-#{connection.dialogue_id}")
        else
          @view = dialogue_view
          @options = dialogue_options(form_errors: result.errors, form_values: contribution_params.to_h,
                                      form_token: contribution_params[:token])
          render "decidim/dialogd/dialogues/show", status: :unprocessable_entity
        end
      end

      private

      def contribution_params
        params.require(:contribution).permit(:text, :email, :name, :consent, :token, themes: [], groups: [])
      end
    end
  end
end
