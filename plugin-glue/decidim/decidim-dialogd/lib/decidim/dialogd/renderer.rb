# frozen_string_literal: true

require "action_view"
require_relative "dialogue_view"
require_relative "trace_view"

module Decidim
  module Dialogd
    # Renders the module's templates (app/views/decidim/dialogd) with Action View alone. The Decidim
    # controllers render the same partials through Rails; the cells (the component card and the home
    # page content block) and the tests render them here, so one set of templates serves all three.
    class Renderer
      VIEW_PATH = File.expand_path("../../../app/views", __dir__)

      def initialize(locale: I18n.locale)
        Dialogd.load_translations!
        @locale = locale
        @lookup = ActionView::LookupContext.new([VIEW_PATH])
      end

      # The whole dialogue block: status, ladder, representation, feedback, receipt lookup and the
      # contribution form, each inside its widget element when widgets are on.
      # options: sections (Array), widgets (bool), contribute_url, receipt_url, authenticity_token,
      # form_token, form_values, form_errors, receipt_code (after a contribution), trace (TraceView).
      def dialogue(view, **options)
        render("decidim/dialogd/dialogue/dialogue", view: view, options: defaults.merge(options))
      end

      # The receipt lookup alone (the receipts page, the <dialogd-receipt> fallback).
      def receipt(trace: nil, receipt_url: "", code: nil)
        render("decidim/dialogd/dialogue/receipt", trace: trace, receipt_url: receipt_url, code: code)
      end

      def render(partial, **locals)
        I18n.with_locale(@locale) do
          view = ActionView::Base.with_empty_template_cache.new(@lookup, {}, nil)
          view.render(partial: partial, locals: locals)
        end
      end

      private

      def defaults
        { sections: %i[status ladder representation feedback receipt contribute], widgets: true,
          contribute_url: nil, receipt_url: nil, authenticity_token: nil, form_token: nil,
          form_values: {}, form_errors: {}, receipt_code: nil, trace: nil }
      end
    end
  end
end
