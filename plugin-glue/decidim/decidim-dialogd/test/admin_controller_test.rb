# frozen_string_literal: true

require_relative "test_helper"
require "rack/mock"
$LOAD_PATH.unshift(File.expand_path("support/decidim_stub", __dir__))
require "decidim/dialogd"
require_relative "support/decidim_controller_stand_ins"
require_relative "../app/controllers/decidim/dialogd/admin/application_controller"
require_relative "../app/controllers/decidim/dialogd/admin/connections_controller"
require_relative "../app/forms/decidim/dialogd/admin/connection_form"
require_relative "../app/commands/decidim/dialogd/admin/update_connection"
require_relative "../app/permissions/decidim/dialogd/permissions"

# The admin side's own code (connections controller, form, UpdateConnection command, permissions)
# under Debian's Action Pack with stand-ins for Decidim's base classes, against the live dialogd.
class AdminControllerTest < Minitest::Test
  # Like Decidim::Component for the admin: a settings column, its space and id.
  class Component
    attr_reader :id, :participatory_space_id

    def initialize
      @id = rand(1_000_000)
      @participatory_space_id = 12
      @columns = { settings: { "global" => {} } }
    end

    def [](name) = @columns[name.to_sym]

    def []=(name, value)
      @columns[name.to_sym] = value
    end

    def save! = true
  end

  ROUTES = Decidim::Dialogd::AdminEngine.routes.tap { |routes| routes.draw { nil } }
  Decidim::Dialogd::Admin::ApplicationController.include(ROUTES.url_helpers)
  APP = Rack::Builder.new do
    use ActionDispatch::Cookies
    use ActionDispatch::Session::CacheStore, cache: ActiveSupport::Cache::MemoryStore.new, key: "_decidim_session"
    use ActionDispatch::Flash
    run ROUTES
  end

  def setup
    I18n.locale = :en
    @dialogue = DialogdServer.open_dialogue
    @component = Component.new
    Decidim::Admin::Components::BaseController.component = @component
    Decidim::Admin::Components::BaseController.user = Object.new
  end

  def request(method, path, params = {})
    Rack::MockRequest.new(APP).request(method.to_s.upcase, path, method: method, params: params,
                                                                 "HTTP_HOST" => "decidim.example.se", "HTTPS" => "on")
  end

  def save(**fields)
    fields = { dialogd_url: DialogdServer.base_url, dialogue_id: @dialogue["id"], editor_key: DialogdServer.keys[:editor],
               portal_key: DialogdServer.keys[:portal] }.merge(fields)
    request(:put, "/connection", fields.transform_keys { |k| "connection[#{k}]" })
  end

  def stored
    Decidim::Dialogd::ConnectionStore.new(@component).load
  end

  def test_saving_stores_the_connection_and_registers_the_source
    response = save(decidim_api_key: "api-key", decidim_api_secret: "api-secret")
    assert_equal 302, response.status, response.body
    assert_equal "/connection/edit", URI(response["Location"]).path
    assert_equal @dialogue["id"], stored.dialogue_id
    assert_equal DialogdServer.keys[:portal], stored.portal_key
    refute_includes JSON.generate(@component[:settings]), DialogdServer.keys[:portal]
    if DialogdServer.route_exists?("POST", "/v1/dialogues/{id}/sources")
      refute_nil stored.source_id
    else
      assert_nil stored.source_id
    end
    page = request(:get, "/connection/edit")
    assert_equal 200, page.status
    assert_includes page.body, %(value="#{@dialogue['id']}")
    assert_equal 4, page.body.scan("A key is stored.").size
    DialogdServer.keys.each_value { |key| refute_includes page.body, key }
  end

  def test_an_unknown_dialogue_is_shown_on_its_field_and_nothing_is_stored
    response = save(dialogue_id: "no-such-dialogue")
    assert_equal 422, response.status
    assert_includes response.body, "no such dialogue in this dialogd"
    refute_includes response.body, DialogdServer.keys[:editor]
    assert_nil stored.dialogue_id
  end

  def test_missing_fields_and_a_bad_address
    response = save(dialogd_url: "ftp://dialog", dialogue_id: "", portal_key: "")
    assert_equal 422, response.status
    assert_includes response.body, "must be an http or https address"
    assert_equal 2, response.body.scan("must be filled in").size # the dialogue and the portal key
    assert_nil stored.dialogd_url
  end

  def test_unreachable_dialogd
    port = TCPServer.open("127.0.0.1", 0) { |s| s.addr[1] }
    response = save(dialogd_url: "http://127.0.0.1:#{port}")
    assert_equal 422, response.status
    assert_nil stored.dialogd_url
  end

  def test_the_admin_side_needs_a_user
    Decidim::Admin::Components::BaseController.user = nil
    assert_raises(Decidim::ActionForbidden) { request(:get, "/connection/edit") }
  end
end
