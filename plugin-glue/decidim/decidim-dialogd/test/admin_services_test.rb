# frozen_string_literal: true

require_relative "test_helper"
require "active_support"
require "active_support/message_encryptor"

# Saving the admin's connection form (Decidim::Dialogd::SaveConnection) on a stand-in component that
# behaves like Decidim::Component's settings column, against the live dialogd.
class SaveConnectionTest < Minitest::Test
  class FakeComponent
    attr_reader :saved

    def initialize
      @attributes = { settings: { "global" => { "show_status" => true }, "default_step" => {} } }
      @saved = 0
    end

    def [](name) = @attributes[name.to_sym]

    def []=(name, value)
      @attributes[name.to_sym] = value
    end

    def save!
      @saved += 1
    end
  end

  class Encryptor
    def initialize
      @cryptor = ActiveSupport::MessageEncryptor.new(SecureRandom.bytes(32))
    end

    def encrypt(value) = @cryptor.encrypt_and_sign(value)
    def decrypt(value) = @cryptor.decrypt_and_verify(value)
  end

  def setup
    @dialogue = DialogdServer.open_dialogue
    @component = FakeComponent.new
    @store = Decidim::Dialogd::ConnectionStore.new(@component, encryptor: Encryptor.new)
    @save = Decidim::Dialogd::SaveConnection.new(store: @store, decidim_url: "https://decidim.example.se",
                                                 process_id: 12, component_id: 34, client_options: { retries: 0 })
  end

  def form(**overrides)
    { dialogd_url: DialogdServer.base_url, dialogue_id: @dialogue["id"], editor_key: DialogdServer.keys[:editor],
      portal_key: DialogdServer.keys[:portal], decidim_api_key: "dk", decidim_api_secret: "ds" }.merge(overrides)
  end

  def test_saving_registers_the_source_and_stores_the_keys_encrypted
    result = @save.call(form)
    if DialogdServer.route_exists?("POST", "/v1/dialogues/{id}/sources")
      assert_equal :ok, result.status, result.errors.inspect
      assert_equal result.source["id"], @store.load.source_id
    else
      assert_equal :unsupported, result.status
    end
    assert_equal 1, @component.saved
    settings = @component[:settings]
    assert_equal({ "show_status" => true }, settings["global"], "Decidim's own settings are left alone")
    stored = JSON.generate(settings)
    [DialogdServer.keys[:editor], DialogdServer.keys[:portal], "\"ds\""].each { |secret| refute_includes stored, secret }
    assert_equal DialogdServer.keys[:portal], @store.load.portal_key
    assert_equal "ds", @store.load.decidim_api_secret
  end

  def test_saving_again_with_blank_keys_keeps_them
    @save.call(form)
    result = @save.call(form(editor_key: "", portal_key: "", decidim_api_key: nil, decidim_api_secret: nil))
    refute_equal :invalid, result.status, result.errors.inspect
    assert_equal DialogdServer.keys[:editor], @store.load.editor_key
    assert_equal "dk", @store.load.decidim_api_key
  end

  def test_invalid_fields_store_nothing
    result = @save.call(form(dialogd_url: "ftp://x", dialogue_id: ""))
    assert_equal :invalid, result.status
    assert_equal %w[dialogd_url dialogue_id], result.errors.keys.sort
    missing = @save.call(form(dialogue_id: "no-such-dialogue"))
    assert_equal({ "dialogue_id" => "not_found" }, missing.errors)
    assert_equal 0, @component.saved
  end

  def test_unreachable_dialogd_stores_nothing
    port = TCPServer.open("127.0.0.1", 0) { |s| s.addr[1] }
    result = @save.call(form(dialogd_url: "http://127.0.0.1:#{port}"))
    assert_equal :unavailable, result.status
    assert_equal 0, @component.saved
  end
end

class PageOptionsTest < Minitest::Test
  Settings = Struct.new(:show_status, :show_ladder, :show_representation, :show_feedback, :show_receipt, :use_widgets,
                        keyword_init: true)
  Step = Struct.new(:contributions_enabled, keyword_init: true)

  def test_settings_choose_the_sections
    global = Settings.new(show_status: true, show_ladder: false, show_representation: true, show_feedback: true,
                          show_receipt: false, use_widgets: false)
    options = Decidim::Dialogd::PageOptions.build(global: global, step: Step.new(contributions_enabled: false),
                                                  receipt_url: "/r")
    assert_equal({ sections: %i[status representation feedback], widgets: false, receipt_url: "/r" }, options)
  end

  def test_defaults_show_everything
    options = Decidim::Dialogd::PageOptions.build(global: Object.new, step: nil)
    assert_equal %i[status ladder representation feedback receipt contribute], options[:sections]
    assert options[:widgets]
  end
end
