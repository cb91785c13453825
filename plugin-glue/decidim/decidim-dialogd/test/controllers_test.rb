# frozen_string_literal: true

require_relative "test_helper"
require "rack/mock"
$LOAD_PATH.unshift(File.expand_path("support/decidim_stub", __dir__))
require "decidim/dialogd"
require_relative "support/decidim_controller_stand_ins"
%w[application dialogues contributions receipts].each do |name|
  require_relative "../app/controllers/decidim/dialogd/#{name}_controller"
end
require_relative "../app/permissions/decidim/dialogd/permissions"
require_relative "../app/cells/decidim/dialogd/dialogue_cell"

# The public controllers' own code under Debian's Action Pack, with stand-ins for Decidim's base
# classes (test/support/decidim_controller_stand_ins.rb), against the live dialogd: the page, a
# contribution forwarded server-side and shown as a receipt after the redirect, form errors, the
# receipt lookup, and the step setting that closes contributions.
class ControllersTest < Minitest::Test
  Settings = Struct.new(:announcement, :show_status, :show_ladder, :show_representation, :show_feedback,
                        :show_receipt, :use_widgets, :contributions_enabled, keyword_init: true)

  # Like Decidim::Component: a settings column, the settings structs, save!.
  class Component
    attr_reader :id, :settings, :step_settings

    def initialize(id)
      @id = id
      @columns = { settings: {} }
      @settings = Settings.new(announcement: { "sv" => "Välkommen!" }, use_widgets: true)
      @step_settings = Settings.new(announcement: {}, contributions_enabled: true)
    end

    def [](name) = @columns[name.to_sym]

    def []=(name, value)
      @columns[name.to_sym] = value
    end

    def save! = true
  end

  ROUTES = Decidim::Dialogd::Engine.routes.tap { |routes| routes.draw { nil } }
  Decidim::Dialogd::ApplicationController.include(ROUTES.url_helpers)
  Rails.cache = ActiveSupport::Cache::MemoryStore.new
  APP = Rack::Builder.new do
    use ActionDispatch::Cookies
    use ActionDispatch::Session::CacheStore, cache: ActiveSupport::Cache::MemoryStore.new, key: "_decidim_session"
    use ActionDispatch::Flash
    run ROUTES
  end

  def setup
    I18n.locale = :sv
    @dialogue = DialogdServer.open_dialogue
    @component = Component.new(rand(1_000_000))
    connection = Decidim::Dialogd::Connection.new(
      "dialogd_url" => DialogdServer.base_url, "dialogue_id" => @dialogue["id"],
      "editor_key" => DialogdServer.keys[:editor], "portal_key" => DialogdServer.keys[:portal]
    )
    Decidim::Dialogd::ConnectionStore.new(@component).save!(connection)
    Decidim::Components::BaseController.component = @component
    @cookie = nil
  end

  def request(method, path, params = {})
    env = { method: method, params: params, "HTTP_ACCEPT" => "text/html" }
    env["HTTP_COOKIE"] = @cookie if @cookie
    response = Rack::MockRequest.new(APP).request(method.to_s.upcase, path, env)
    @cookie = response["Set-Cookie"].split(";").first if response["Set-Cookie"]
    response
  end

  def contribute(fields)
    request(:post, "/contributions", fields.transform_keys { |k| "contribution[#{k}]" })
  end

  def token = Decidim::Dialogd::ContributionForwarder.new_token

  def test_the_page_shows_the_dialogue_and_a_form_without_keys
    page = request(:get, "/")
    assert_equal 200, page.status
    assert_includes page.body, "Framtidens hälso- och sjukvård i Norrbotten"
    assert_includes page.body, %(data-cell="decidim/announcement">Välkommen!)
    assert_includes page.body, 'action="/contributions"'
    assert_match(/name="authenticity_token" value="[^"]{20,}"/, page.body)
    DialogdServer.keys.each_value { |key| refute_includes page.body, key }
  end

  def test_a_contribution_is_forwarded_and_its_receipt_shown_once
    request(:get, "/")
    sent = contribute(text: "Fler avgångar till Sunderby sjukhus.", groups: ["inland"], token: token)
    assert_equal 302, sent.status
    assert_equal "/#dialogd-title-#{@dialogue['id']}", URI(sent["Location"]).request_uri + "##{URI(sent['Location']).fragment}"
    page = request(:get, "/")
    code = page.body[/Din kvittokod: ([0-9A-Z-]{14})/, 1]
    refute_nil code, page.body
    assert_equal "Fler avgångar till Sunderby sjukhus.", DialogdServer.client.receipt(code).dig("contribution", "text")
    refute_includes request(:get, "/").body, code
  end

  def test_a_resubmitted_form_gives_the_same_receipt
    form_token = token
    contribute(text: "Samma synpunkt.", token: form_token)
    first = request(:get, "/").body[/Din kvittokod: ([0-9A-Z-]{14})/, 1]
    contribute(text: "Samma synpunkt.", token: form_token)
    second = request(:get, "/").body[/Din kvittokod: ([0-9A-Z-]{14})/, 1]
    assert_equal first, second
    assert_equal 1, DialogdServer.client.dialogue(@dialogue["id"])["counts"]["contributions"]
  end

  def test_errors_come_back_in_the_form_with_the_text_kept
    response = contribute(text: "Min text.", email: "inte-en-adress", consent: "1", token: token)
    assert_equal 422, response.status
    assert_includes response.body, "Ange en giltig e-postadress."
    assert_includes response.body, ">Min text.</textarea>"
    assert_includes response.body, 'aria-invalid="true" aria-describedby="dialogd-email-error"'
    DialogdServer.keys.each_value { |key| refute_includes response.body, key }
  end

  def test_the_receipt_page
    created = DialogdServer.client(:portal).create_contribution(@dialogue["id"], { text: "Cykelvägar.", channel: "web" })
    page = request(:get, "/receipt", code: created["receipt"])
    assert_equal 200, page.status
    assert_includes page.body, "Kvitto #{created['receipt']}"
    assert_includes request(:get, "/receipt", code: "AAAA-BBBB-CCCC").body, "Ingen synpunkt har kvittokoden AAAA-BBBB-CCCC."
  end

  def test_a_closed_step_refuses_contributions
    @component.step_settings.contributions_enabled = false
    assert_raises(Decidim::ActionForbidden) { contribute(text: "Hej", token: token) }
    assert_equal 0, DialogdServer.client.dialogue(@dialogue["id"])["counts"]["contributions"]
  end

  def test_a_component_not_yet_linked
    Decidim::Components::BaseController.component = Component.new(1)
    assert_includes request(:get, "/").body, "Dialogen är ännu inte kopplad till dialogd."
  end

  def test_the_dialogue_cell
    view = Decidim::Dialogd::DialogueView.fetch(DialogdServer.client, @dialogue["id"], locale: "sv")
    html = Decidim::Dialogd::DialogueCell.new(view, sections: %i[status], widgets: false, ignored: 1).show
    assert_includes html, "Dialoger genomförs"
    refute_includes html, "dialogd-ladder"
  end
end
