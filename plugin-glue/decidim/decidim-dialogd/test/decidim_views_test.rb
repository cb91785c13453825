# frozen_string_literal: true

require_relative "test_helper"
require_relative "support/decidim_controller_stand_ins"
require "active_support/all"
require "active_model"
require "action_view"

# The templates that only Decidim renders (the controllers' pages, the admin form, the content
# block's settings form), rendered with Action View and stand-ins for the few Decidim helpers they
# call (translated_attribute, cell, decidim_form_for, the engine's paths). The stand-ins are not
# Decidim; they let the templates' own code run, against a live dialogue.
class DecidimViewsTest < Minitest::Test
  ROOT = File.expand_path("..", __dir__)

  class FormStandIn
    include ActiveModel::Model
    attr_accessor :dialogd_url, :dialogue_id, :editor_key, :portal_key, :decidim_api_key, :decidim_api_secret, :settings
  end

  # The helpers Decidim's controllers and cells provide to these templates.
  module DecidimHelperStandIns
    attr_accessor :current_settings, :component_settings, :stored_connection, :params, :dialogd_choices

    def translated_attribute(value)
      value.is_a?(Hash) ? (value[I18n.locale.to_s] || value.values.compact.first).to_s : value.to_s
    end

    def cell(name, model)
      content_tag(:div, model, class: "stand-in-cell", data: { cell: name })
    end

    def decidim_form_for(record, options, &block)
      form_for(record, as: :connection, url: options[:url], html: options[:html], builder: Decidim::StandInFormBuilder, &block)
    end

    def protect_against_forgery?
      false
    end

    def receipt_path = "/processes/p/f/7/receipt"
    def connection_path = "/admin/processes/p/components/7/manage/connection"
    def component_choices = dialogd_choices
  end

  Settings = Struct.new(:announcement, :contributions_enabled, :component_id, keyword_init: true)

  def view_context(**assigns)
    Decidim::Dialogd.load_translations!
    lookup = ActionView::LookupContext.new([File.join(ROOT, "app/views")])
    view = ActionView::Base.with_empty_template_cache.new(lookup, assigns, nil)
    view.extend(DecidimHelperStandIns)
    view.current_settings = Settings.new(announcement: { "sv" => "Dialogen pågår till 31 maj." })
    view.component_settings = Settings.new(announcement: {})
    view.params = {}
    view
  end

  def render(template, locale: "sv", **assigns)
    I18n.with_locale(locale) do
      view = view_context(**assigns)
      yield view if block_given?
      view.render(template: template)
    end
  end

  def test_component_page
    dialogue = DialogdServer.open_dialogue
    view = Decidim::Dialogd::DialogueView.fetch(DialogdServer.client, dialogue["id"], locale: "sv")
    options = Decidim::Dialogd::PageOptions.build(global: Object.new, step: Settings.new(contributions_enabled: true),
                                                  contribute_url: "/c", receipt_url: "/r", form_token: "t",
                                                  authenticity_token: "csrf")
    html = render("decidim/dialogd/dialogues/show", view: view, options: options)
    assert_includes html, %(<div class="stand-in-cell" data-cell="decidim/announcement">Dialogen pågår till 31 maj.</div>)
    assert_includes html, %(<dialogd-status dialogue="#{dialogue['id']}")
    assert_includes html, 'name="contribution[text]"'
  end

  def test_not_configured_page
    assert_includes render("decidim/dialogd/dialogues/not_configured", locale: "en"),
                    "This dialogue has not been linked to dialogd yet."
  end

  def test_receipt_page
    dialogue = DialogdServer.open_dialogue
    created = DialogdServer.client(:portal).create_contribution(dialogue["id"], { text: "Mer kollektivtrafik.", channel: "web" })
    trace = Decidim::Dialogd::TraceView.lookup(DialogdServer.client, created["receipt"], locale: "sv")
    html = render("decidim/dialogd/receipts/show", trace: trace) { |v| v.params = { code: created["receipt"] } }
    assert_includes html, %(action="/processes/p/f/7/receipt")
    assert_includes html, "Mer kollektivtrafik."
    empty = render("decidim/dialogd/receipts/show", trace: nil)
    assert_includes empty, "Din kvittokod"
    refute_includes empty, "dialogd-trace"
  end

  def test_admin_form_never_shows_a_stored_key
    stored = Decidim::Dialogd::Connection.new("dialogd_url" => "https://dialog.region.se", "dialogue_id" => "d1",
                                              "editor_key" => "dlg_editor_secret", "portal_key" => "dlg_portal_secret",
                                              "source_id" => "src-1", "source_registered_at" => "2027-01-10T09:00:00Z")
    form = FormStandIn.new(dialogd_url: stored.dialogd_url, dialogue_id: stored.dialogue_id,
                           editor_key: "dlg_typed_editor", portal_key: "dlg_typed_portal")
    html = render("decidim/dialogd/admin/connections/edit", locale: "en", form: form) { |v| v.stored_connection = stored }
    %w[dlg_editor_secret dlg_portal_secret dlg_typed_editor dlg_typed_portal].each { |key| refute_includes html, key }
    assert_includes html, 'value="https://dialog.region.se"'
    assert_includes html, 'name="connection[portal_key]"'
    assert_equal 2, html.scan("A key is stored.").size
    assert_includes html, "Registered source"
    assert_includes html, "src-1"
    assert_includes html, "Save and register"
  end

  def test_content_block_settings_form
    Decidim::Dialogd.load_translations!
    I18n.with_locale("sv") do
      view = view_context
      view.dialogd_choices = [["Framtidens vård – Medborgardialog", 7], ["Kollektivtrafik – Medborgardialog", 9]]
      record = FormStandIn.new(settings: Settings.new(component_id: 9))
      builder = Decidim::StandInFormBuilder.new(:content_block, record, view, {})
      view.define_singleton_method(:form) { builder }
      template = File.read(File.join(ROOT, "app/cells/decidim/dialogd/content_blocks/dialogue_settings_form/show.erb"))
      html = view.render(inline: template)
      assert_includes html, 'name="content_block[settings][component_id]"'
      assert_includes html, '<option selected="selected" value="9">Kollektivtrafik – Medborgardialog</option>'
      assert_includes html, "Ingen dialogd-komponent är vald."
    end
  end
end
