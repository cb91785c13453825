# frozen_string_literal: true

module Decidim
  module Dialogd
    # Renders a DialogueView (the model) with the module's Action View templates through Renderer:
    # the cells gem is not in Debian, so the rendering lives in app/views and is tested there; this
    # class is the thin Decidim-facing part. Options are the renderer's (sections, widgets, urls).
    class DialogueCell < Decidim::ViewModel
      def show
        Renderer.new(locale: current_locale).dialogue(model, **options.slice(*RENDER_OPTIONS))
      end

      RENDER_OPTIONS = %i[sections widgets contribute_url receipt_url authenticity_token form_token form_values
                          form_errors receipt_code trace].freeze

      private

      def current_locale
        I18n.locale
      end
    end
  end
end
