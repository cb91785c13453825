# frozen_string_literal: true

module Decidim
  module Dialogd
    # Anyone may read and look up a receipt; contributing follows the step setting and the component's
    # "contribute" action permissions (authorisations) for a signed-in user; the admin side is for
    # the space's administrators, who reach it through Decidim's admin permission chain.
    class Permissions < Decidim::DefaultPermissions
      def permissions
        return admin_permissions if permission_action.scope == :admin
        return permission_action unless permission_action.scope == :public

        if permission_action.subject == :contribution && permission_action.action == :create
          toggle_allow(contributions_enabled? && (user.nil? || authorized?(:contribute)))
        end
        permission_action
      end

      private

      # Reaching the component's admin at all is decided by the space's admin permissions in the chain.
      def admin_permissions
        return permission_action unless user

        allow! if permission_action.subject == :connection && permission_action.action == :update
        permission_action
      end

      def contributions_enabled?
        settings = context.fetch(:current_settings, nil)
        settings.nil? || settings.contributions_enabled
      end
    end
  end
end
