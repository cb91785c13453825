# frozen_string_literal: true

# The dialogd component: placed in a participatory process, it shows that process's dialogue from
# dialogd and forwards citizens' contributions to it. Its settings choose what is shown; the link to
# dialogd (address, dialogue, keys) is set on the component's admin page (Admin::ConnectionsController).
Decidim.register_component(:dialogd) do |component|
  component.engine = Decidim::Dialogd::Engine
  component.admin_engine = Decidim::Dialogd::AdminEngine
  component.icon = "media/images/decidim_dialogd.svg"
  component.icon_key = "discuss-line" if component.respond_to?(:icon_key=) # 0.28 and later
  component.permissions_class_name = "Decidim::Dialogd::Permissions"
  component.actions = %w[contribute]

  component.settings(:global) do |settings|
    settings.attribute :announcement, type: :text, translated: true, editor: true
    settings.attribute :show_status, type: :boolean, default: true
    settings.attribute :show_ladder, type: :boolean, default: true
    settings.attribute :show_representation, type: :boolean, default: true
    settings.attribute :show_feedback, type: :boolean, default: true
    settings.attribute :show_receipt, type: :boolean, default: true
    settings.attribute :use_widgets, type: :boolean, default: true
  end

  component.settings(:step) do |settings|
    settings.attribute :announcement, type: :text, translated: true, editor: true
    settings.attribute :contributions_enabled, type: :boolean, default: true
  end
end
