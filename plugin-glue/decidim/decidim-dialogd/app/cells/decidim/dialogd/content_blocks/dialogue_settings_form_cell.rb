# frozen_string_literal: true

module Decidim
  module Dialogd
    module ContentBlocks
      # The content block's settings form: which dialogd component the home page shows.
      class DialogueSettingsFormCell < Decidim::ViewModel
        alias form model

        def content_block
          options[:content_block]
        end

        def component_choices
          Decidim::Component.where(manifest_name: "dialogd", participatory_space: spaces).map do |component|
            ["#{translated_attribute(component.participatory_space.title)} – #{translated_attribute(component.name)}",
             component.id]
          end
        end

        private

        def spaces
          Decidim::ParticipatoryProcess.where(organization: current_organization)
        end
      end
    end
  end
end
