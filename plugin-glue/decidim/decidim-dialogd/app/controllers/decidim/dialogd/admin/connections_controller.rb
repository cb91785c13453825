# frozen_string_literal: true

module Decidim
  module Dialogd
    module Admin
      # Links the process to its dialogue in dialogd; saving registers the process as the dialogue's
      # Decidim source, so dialogd's adapter starts syncing.
      class ConnectionsController < Admin::ApplicationController
        helper_method :stored_connection

        def edit
          enforce_permission_to :update, :connection
          @form = form(ConnectionForm).from_params(dialogd_url: stored_connection.dialogd_url,
                                                   dialogue_id: stored_connection.dialogue_id)
        end

        def update
          enforce_permission_to :update, :connection
          @form = form(ConnectionForm).from_params(params)
          UpdateConnection.call(@form, current_component, request.base_url) do
            on(:ok) { saved("saved") }
            on(:unsupported) { saved("saved_unsupported") }
            on(:invalid) { refused("invalid") }
            on(:unavailable) { refused("unavailable") }
          end
        end

        private

        def stored_connection
          @stored_connection ||= ConnectionStore.new(current_component).load
        end

        def saved(message)
          flash[:notice] = I18n.t("decidim.dialogd.admin.connection.#{message}")
          redirect_to edit_connection_path
        end

        def refused(message)
          flash.now[:alert] = I18n.t("decidim.dialogd.admin.connection.#{message}")
          render :edit, status: :unprocessable_entity
        end
      end
    end
  end
end
