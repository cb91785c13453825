# frozen_string_literal: true

# Stand-ins for the Decidim classes the module's controllers and cells inherit from, just enough for
# their own code to run under Debian's Action Pack: a base controller with the current component,
# its settings, the locale and permission enforcement through the module's Permissions class; the
# permission action; Decidim::AttributeEncryptor (0.27's class methods); Decidim::ViewModel. They
# are not Decidim: what they stand for is Decidim's documented behaviour, not checked here.
require "action_controller"
require "active_support/message_encryptor"
require "securerandom"

module Decidim
  class AttributeEncryptor
    KEY = SecureRandom.bytes(32)

    def self.encrypt(value) = ActiveSupport::MessageEncryptor.new(KEY).encrypt_and_sign(value)
    def self.decrypt(value) = ActiveSupport::MessageEncryptor.new(KEY).decrypt_and_verify(value)
  end

  class PermissionAction
    attr_reader :scope, :action, :subject

    def initialize(scope:, action:, subject:)
      @scope = scope
      @action = action
      @subject = subject
      @state = nil
    end

    def allow!
      @state = :allowed
    end

    def disallow!
      @state = :disallowed
    end

    def allowed?
      @state == :allowed
    end
  end

  class DefaultPermissions
    def initialize(user, permission_action, context)
      @user = user
      @permission_action = permission_action
      @context = context
    end

    private

    attr_reader :user, :permission_action, :context

    def allow! = permission_action.allow!
    def disallow! = permission_action.disallow!
    def toggle_allow(condition) = condition ? allow! : disallow!
    def authorized?(_action, resource: nil) = resource.nil?
  end

  class ActionForbidden < StandardError; end

  # Stands in for Decidim::ViewModel (a cell): a model and options.
  class ViewModel
    attr_reader :model, :options

    def initialize(model, options = {})
      @model = model
      @options = options
    end
  end

  module Components
    class BaseController < ActionController::Base
      layout false
      prepend_view_path File.expand_path("../../app/views", __dir__)
      helper_method :current_component, :current_settings, :component_settings, :current_locale

      helper do
        def translated_attribute(value)
          value.is_a?(Hash) ? value[I18n.locale.to_s].to_s : value.to_s
        end

        def cell(name, model)
          content_tag(:div, model, data: { cell: name })
        end
      end

      class << self
        attr_accessor :component, :user
      end

      def current_component = BaseController.component
      def current_user = BaseController.user
      def component_settings = current_component.settings
      def current_settings = current_component.step_settings
      def current_locale = I18n.locale.to_s

      def enforce_permission_to(action, subject)
        permission_action = PermissionAction.new(scope: :public, action: action, subject: subject)
        Decidim::Dialogd::Permissions.new(current_user, permission_action, current_settings: current_settings).permissions
        raise ActionForbidden, "#{action} #{subject}" unless permission_action.allowed?
      end
    end
  end
end
