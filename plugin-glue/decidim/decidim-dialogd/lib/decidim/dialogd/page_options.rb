# frozen_string_literal: true

module Decidim
  module Dialogd
    # Turns the component's settings (the manifest's global and step settings) into the renderer's
    # options: which parts to show, widgets on or off, whether the contribution form is offered.
    module PageOptions
      SECTION_SETTINGS = {
        status: :show_status, ladder: :show_ladder, representation: :show_representation,
        feedback: :show_feedback, receipt: :show_receipt
      }.freeze

      # global / step: objects answering the settings' names (Decidim's settings structs).
      def self.build(global:, step:, **urls)
        sections = SECTION_SETTINGS.select { |_, name| enabled?(global, name, true) }.keys
        sections << :contribute if enabled?(step, :contributions_enabled, true)
        { sections: sections, widgets: enabled?(global, :use_widgets, true) }.merge(urls)
      end

      def self.enabled?(settings, name, default)
        return default unless settings.respond_to?(name)

        value = settings.public_send(name)
        value.nil? ? default : value == true || value.to_s == "true" || value.to_s == "1"
      end
      private_class_method :enabled?
    end
  end
end
