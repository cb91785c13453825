# frozen_string_literal: true

require "rails"
require "decidim/core"

module Decidim
  module Dialogd
    # The public side of the component, mounted by Decidim under the process
    # (/processes/:slug/f/:component_id/): the dialogue page, the contribution form's target and the
    # receipt lookup. Also registers the home page content block.
    class Engine < ::Rails::Engine
      isolate_namespace Decidim::Dialogd

      routes do
        resources :contributions, only: [:create]
        resource :receipt, only: [:show]
        root to: "dialogues#show"
      end

      initializer "decidim_dialogd.content_blocks" do
        Decidim.content_blocks.register(:homepage, :dialogd_dialogue) do |content_block|
          content_block.cell = "decidim/dialogd/content_blocks/dialogue"
          content_block.settings_form_cell = "decidim/dialogd/content_blocks/dialogue_settings_form"
          content_block.public_name_key = "decidim.dialogd.content_blocks.dialogue.name"
          content_block.settings do |settings|
            settings.attribute :component_id, type: :integer
          end
        end
      end

      # 0.28's icon registry: the component's icon_key must be registered to be drawn.
      initializer "decidim_dialogd.register_icons" do
        if Decidim.respond_to?(:icons)
          Decidim.icons.register(name: "discuss-line", icon: "discuss-line", category: "system",
                                 description: "Citizen dialogue (dialogd)", engine: :dialogd)
        end
      end

      # The component's icon (Webpacker/Shakapacker packs from 0.27 on).
      initializer "decidim_dialogd.webpacker.assets_path" do
        Decidim.register_assets_path File.expand_path("app/packs", root) if Decidim.respond_to?(:register_assets_path)
      end
    end
  end
end
