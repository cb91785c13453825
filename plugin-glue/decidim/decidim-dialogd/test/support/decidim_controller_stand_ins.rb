# frozen_string_literal: true

# Stand-ins for the Decidim classes the module's controllers and cells inherit from, just enough for
# their own code to run under Debian's Action Pack: a base controller with the current component,
# its settings, the locale and permission enforcement through the module's Permissions class; the
# permission action; Decidim::AttributeEncryptor (0.27's class methods); Decidim::ViewModel. They
# are not Decidim: what they stand for is Decidim's documented behaviour, not checked here.
require "action_controller"
require "action_view"
require "active_model"
require "active_support/core_ext/hash"
require "active_support/message_encryptor"
require "securerandom"

module Decidim
  # Decidim's form builder takes label: and help_text: and shows a field's errors beside it; this
  # one does the same plainly.
  class StandInFormBuilder < ActionView::Helpers::FormBuilder
    %i[url_field text_field password_field].each do |name|
      define_method(name) do |attribute, options = {}|
        options = options.dup
        text = options.delete(:label)
        help = options.delete(:help_text)
        parts = [label(attribute, text), super(attribute, options)]
        parts << @template.content_tag(:p, help, class: "help-text") if help
        errors = @object.respond_to?(:errors) ? @object.errors[attribute] : []
        errors.each { |message| parts << @template.content_tag(:small, message, class: "form-error is-visible") }
        @template.safe_join(parts)
      end
    end
  end

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

  # Stands in for Decidim::Form: typed attributes, from_params under the form's param key
  # ("connection" for ConnectionForm) or at the top level, Active Model validations.
  class Form
    include ActiveModel::Model

    def self.attribute(name, _type = nil)
      attr_accessor name

      (@attribute_names ||= []) << name
    end

    class << self
      attr_reader :attribute_names
    end

    def self.model_name
      short = name.split("::").last.delete_suffix("Form")
      ActiveModel::Name.new(self, nil, short.empty? ? "Form" : short)
    end

    def self.from_params(params)
      params = params.respond_to?(:to_unsafe_h) ? params.to_unsafe_h : params.to_h
      params = params.with_indifferent_access
      nested = params[model_name.param_key] || {}
      new(attribute_names.to_h { |name| [name, nested.fetch(name, params[name])] })
    end

    def persisted? = false
  end

  # Stands in for Decidim::Command: `call(...) { on(:ok) { ... } }`, the blocks run with the caller's
  # methods.
  class Command
    def self.call(*args, &block)
      command = new(*args)
      command.instance_variable_set(:@listeners, {})
      if block
        command.instance_variable_set(:@caller, block.binding.receiver)
        command.instance_eval(&block)
      end
      command.call
    end

    def on(name, &block)
      @listeners[name] = block
    end

    def broadcast(name, *args)
      @listeners[name]&.call(*args)
      name
    end

    def method_missing(name, *args, &block)
      return super unless @caller.respond_to?(name, true)

      @caller.send(name, *args, &block)
    end

    def respond_to_missing?(name, include_private = false)
      @caller.respond_to?(name, true) || super
    end
  end

  module Admin
    module Components
      class BaseController < ActionController::Base
        layout false
        prepend_view_path File.expand_path("../../app/views", __dir__)
        helper_method :current_component

        helper do
          def decidim_form_for(record, options, &block)
            form_for(record, url: options[:url], html: options[:html].dup, builder: StandInFormBuilder, &block)
          end
        end

        class << self
          attr_accessor :component, :user
        end

        def current_component = BaseController.component
        def current_user = BaseController.user

        # Decidim's form factory: form(FormClass).from_params(params).
        def form(klass) = klass

        def enforce_permission_to(action, subject)
          permission_action = PermissionAction.new(scope: :admin, action: action, subject: subject)
          Decidim::Dialogd::Permissions.new(current_user, permission_action, {}).permissions
          raise ActionForbidden, "#{action} #{subject}" unless permission_action.allowed?
        end
      end
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
