# frozen_string_literal: true

require_relative "test_helper"
require "active_support"
require "active_support/message_encryptor"

# The services the Decidim controllers and admin command call, against the live dialogd.
class ContributionForwarderTest < Minitest::Test
  def setup
    @dialogue = DialogdServer.open_dialogue
    @forwarder = Decidim::Dialogd::ContributionForwarder.new(client: DialogdServer.client(:portal),
                                                             dialogue_id: @dialogue["id"], locale: "sv")
  end

  def test_forwards_with_the_portal_key_and_answers_the_receipt
    result = @forwarder.call("text" => "  Kvällsöppet på vårdcentralen.  ", "themes" => ["Tillgänglighet till vård", ""],
                             "groups" => ["inland"], "email" => "kerstin@example.se", "name" => "Kerstin",
                             "consent" => "1", "token" => Decidim::Dialogd::ContributionForwarder.new_token)
    assert result.success?, result.errors.inspect
    trace = DialogdServer.client.receipt(result.receipt)
    assert_equal "Kvällsöppet på vårdcentralen.", trace.dig("contribution", "text")
    assert_equal "web", trace.dig("contribution", "channel")
    listed = DialogdServer.client(:editor).get("/v1/dialogues/#{@dialogue['id']}/contributions")["items"].first
    assert_equal ["Tillgänglighet till vård"], listed["themes"]
    assert_equal ["inland"], listed["groups"]
    assert_equal "sv", listed["language"]
  end

  def test_the_form_token_makes_a_resubmission_harmless
    params = { "text" => "Bättre busstider.", "token" => Decidim::Dialogd::ContributionForwarder.new_token }
    first = @forwarder.call(params)
    second = @forwarder.call(params)
    assert_equal first.receipt, second.receipt
    assert_equal 1, DialogdServer.client.dialogue(@dialogue["id"])["counts"]["contributions"]
    other = @forwarder.call(params.merge("token" => "not-a-token"))
    refute_equal first.receipt, other.receipt
  end

  def test_dialogd_validation_becomes_form_errors
    result = @forwarder.call("text" => "", "email" => "not-an-address", "groups" => ["martians"])
    refute result.success?
    assert_equal %w[consent email groups text], result.errors.keys.sort
    assert_equal "Skriv din synpunkt (högst 10 000 tecken).", result.errors["text"]
  end

  def test_consent_is_needed_for_contact_details
    result = @forwarder.call("text" => "Hej", "email" => "kerstin@example.se")
    assert_equal ["consent"], result.errors.keys
  end

  def test_closed_dialogue_and_unreachable_dialogd
    draft = DialogdServer.client(:editor).create_dialogue(DialogdServer.complete_plan("Utkast"))
    closed = Decidim::Dialogd::ContributionForwarder.new(client: DialogdServer.client(:portal), dialogue_id: draft["id"], locale: "en")
    assert_equal({ "base" => "The dialogue is not taking contributions any more." }, closed.call("text" => "Hej").errors)
    port = TCPServer.open("127.0.0.1", 0) { |s| s.addr[1] }
    down = Decidim::Dialogd::Client.new(base_url: "http://127.0.0.1:#{port}", api_key: "k", retries: 0)
    result = Decidim::Dialogd::ContributionForwarder.new(client: down, dialogue_id: "d", locale: "en").call("text" => "Hej")
    assert_match(/could not be sent right now/, result.errors["base"])
  end

  def test_rate_limits_and_other_problems_become_a_form_message
    failing = Struct.new(:error) do
      def create_contribution(*) = raise(error)
    end
    limited = Decidim::Dialogd::RateLimited.new(status: 429, body: { "type" => "x/rate-limited" })
    too_big = Decidim::Dialogd::PayloadTooLarge.new(status: 413, body: { "type" => "x/payload-too-large" })
    { limited => /could not be sent right now/, too_big => /could not be received/ }.each do |error, message|
      result = Decidim::Dialogd::ContributionForwarder.new(client: failing.new(error), dialogue_id: "d", locale: "en").call("text" => "x")
      assert_match message, result.errors["base"]
    end
  end

  def test_no_contact_without_an_address
    body = @forwarder.body("text" => "Hej", "name" => "Kerstin", "consent" => "1")
    refute body.key?(:contact)
    assert_equal({ text: "Hej", channel: "web", language: "sv" }, body)
  end
end

class SourceRegistrationTest < Minitest::Test
  SOURCES = "/v1/dialogues/{id}/sources"

  def setup
    @dialogue = DialogdServer.open_dialogue
    @registration = Decidim::Dialogd::SourceRegistration.new(client: DialogdServer.client(:editor))
  end

  def register(**overrides)
    @registration.call(dialogue_id: @dialogue["id"], decidim_url: "https://decidim.example.se/", process_id: 12,
                       component_ids: [34], credentials: { api_key: "decidim-key", api_secret: "decidim-secret" },
                       **overrides)
  end

  def test_body_follows_the_sources_contract
    body = @registration.source_body("https://decidim.example.se/", 12, [34, ""], { api_key: "k", api_secret: "s" })
    assert_equal({ kind: "decidim", base_url: "https://decidim.example.se", process_id: "12", components: ["34"],
                   credentials: { api_key: "k", api_secret: "s" } }, body)
    refute @registration.source_body("https://d.se", 1, [], nil).key?(:credentials)
  end

  def test_unknown_dialogue_is_a_field_error
    result = register(dialogue_id: "no-such-dialogue")
    assert_equal :invalid, result.status
    assert_equal({ "dialogue_id" => "not_found" }, result.errors)
  end

  def test_registers_the_process_as_the_dialogues_decidim_source
    result = register
    unless DialogdServer.route_exists?("POST", SOURCES)
      assert_equal :unsupported, result.status
      skip "this dialogd has no POST #{SOURCES} yet (the Decidim adapter issue): registration answers :unsupported"
    end
    assert result.registered?, result.errors.inspect
    assert result.source["id"]
    assert_equal "decidim", result.source["kind"]
    assert_equal "https://decidim.example.se", result.source["base_url"]
    assert_equal "12", result.source["process_id"]
    refute_includes JSON.generate(result.source), "decidim-secret"
    assert_equal result.source["id"], register.source["id"], "saving twice registers once"
  end

  def test_a_portal_key_cannot_register
    skip "this dialogd has no POST #{SOURCES} yet" unless DialogdServer.route_exists?("POST", SOURCES)
    portal = Decidim::Dialogd::SourceRegistration.new(client: DialogdServer.client(:portal))
    result = portal.call(dialogue_id: @dialogue["id"], decidim_url: "https://d.se", process_id: 1)
    assert_equal({ "editor_key" => "rejected" }, result.errors)
  end
end

class ConnectionTest < Minitest::Test
  # The same primitive as Decidim::AttributeEncryptor (ActiveSupport::MessageEncryptor).
  class Encryptor
    def initialize
      @cryptor = ActiveSupport::MessageEncryptor.new(SecureRandom.bytes(32))
    end

    def encrypt(value) = @cryptor.encrypt_and_sign(value)
    def decrypt(value) = @cryptor.decrypt_and_verify(value)
  end

  def setup
    @encryptor = Encryptor.new
    @connection = Decidim::Dialogd::Connection.new(
      "dialogd_url" => " #{DialogdServer.base_url} ", "dialogue_id" => "d1",
      "editor_key" => DialogdServer.keys[:editor], "portal_key" => DialogdServer.keys[:portal], "ignored" => "x"
    )
  end

  def test_keys_are_stored_encrypted_and_read_back
    stored = @connection.dump(encryptor: @encryptor)
    assert_equal %w[dialogd_url dialogue_id editor_key_encrypted portal_key_encrypted], stored.keys.sort
    refute_includes JSON.generate(stored), DialogdServer.keys[:editor]
    refute_includes JSON.generate(stored), DialogdServer.keys[:portal]
    loaded = Decidim::Dialogd::Connection.load(JSON.parse(JSON.generate(stored)), encryptor: @encryptor)
    assert_equal DialogdServer.keys[:portal], loaded.portal_key
    assert_equal DialogdServer.base_url, loaded.dialogd_url
    assert_equal "ok", loaded.portal_client.health["status"] if loaded.portal_client.health.is_a?(Hash)
  end

  def test_blank_keys_in_a_form_keep_the_stored_ones
    edited = Decidim::Dialogd::Connection.new("dialogd_url" => "https://d.se", "dialogue_id" => "d2", "portal_key" => "")
    edited.merge_secrets_from(@connection)
    assert_equal DialogdServer.keys[:portal], edited.portal_key
    assert_equal "d2", edited.dialogue_id
  end

  def test_validation_and_inspect
    assert @connection.valid?
    bad = Decidim::Dialogd::Connection.new("dialogd_url" => "javascript:alert(1)")
    assert_equal({ "dialogd_url" => "invalid_url", "dialogue_id" => "blank", "portal_key" => "blank", "editor_key" => "blank" },
                 bad.errors)
    refute_includes @connection.inspect, DialogdServer.keys[:editor]
    assert_nil @connection.decidim_credentials
  end

  def test_the_public_client_carries_no_key
    refute_includes @connection.public_client.inspect, "[set]"
    assert_includes @connection.portal_client.inspect, "[set]"
  end
end
