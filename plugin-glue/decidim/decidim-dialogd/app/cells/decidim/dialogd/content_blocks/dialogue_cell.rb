# frozen_string_literal: true

module Decidim
  module Dialogd
    module ContentBlocks
      # The home page content block: the chosen dialogd component's dialogue, its status and ladder
      # step, with a link to the process page where citizens contribute. The block's model is the
      # Decidim::ContentBlock; its setting component_id names the component.
      class DialogueCell < (defined?(Decidim::ContentBlocks::BaseCell) ? Decidim::ContentBlocks::BaseCell : Decidim::ViewModel)
        def show
          return "" unless component

          connection = ConnectionStore.new(component).load
          return "" unless connection.configured?

          view = dialogue_view(connection)
          Renderer.new(locale: I18n.locale).dialogue(view, sections: %i[status ladder],
                                                           widgets: component.settings.use_widgets) +
            link_to(view.title, Decidim::EngineRouter.main_proxy(component).root_path, class: "dialogd-block-link")
        end

        private

        def dialogue_view(connection)
          key = ["decidim-dialogd-block", component.id, connection.dialogue_id, I18n.locale].join("/")
          cached = Rails.cache.read(key)
          return cached if cached

          view = DialogueView.fetch(connection.public_client(**Dialogd.client_options(locale: I18n.locale)),
                                    connection.dialogue_id, locale: I18n.locale, sections: %i[status ladder])
          Rails.cache.write(key, view, expires_in: Dialogd.config.cache_expires_in) if view.complete?
          view
        end

        def component
          @component ||= Decidim::Component.where(manifest_name: "dialogd", id: model.settings.component_id)
                                           .published.find_by(participatory_space: published_spaces)
        end

        def published_spaces
          Decidim::ParticipatoryProcess.where(organization: current_organization).published
        end
      end
    end
  end
end
