# frozen_string_literal: true

require_relative "test_helper"
require "socket"

# The client against the live dialogd: public reads, a contribution with Idempotency-Key, a receipt
# lookup and problem+json errors raised as typed exceptions.
class ClientTest < Minitest::Test
  def setup
    @dialogue = DialogdServer.open_dialogue
    @portal = DialogdServer.client(:portal)
    @public = DialogdServer.client
  end

  def test_public_reads
    assert_equal "ok", @public.health["status"] if @public.health.is_a?(Hash) && @public.health["status"]
    dialogue = @public.dialogue(@dialogue["id"])
    assert_equal "in_dialogue", dialogue["state"]
    assert_equal "Framtidens hälso- och sjukvård i Norrbotten", dialogue["title"]
    ladder = @public.ladder(@dialogue["id"])
    assert_includes 1..5, ladder["level"]
    assert ladder.dig("name", "sv")
    representation = @public.representation(@dialogue["id"])
    assert_equal(%w[unga aldre inland], representation["groups"].map { |g| g["key"] })
    feedback = @public.public_feedback(@dialogue["id"])
    assert_equal [], feedback["items"]
  end

  def test_contribution_and_receipt
    created = @portal.create_contribution(@dialogue["id"], {
                                            text: "Vårdcentralen i Jokkmokk behöver öppet på kvällar.", channel: "web",
                                            themes: ["tillgänglighet"], groups: ["inland"], language: "sv",
                                            contact: { email: "kerstin@example.se", name: "Kerstin", consent: true }
                                          })
    assert_match(/\A[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\z/, created["receipt"])
    refute_includes JSON.generate(created), "kerstin@example.se"

    trace = @public.receipt(created["receipt"].downcase)
    assert_equal created["receipt"], trace["receipt"]
    assert_equal @dialogue["id"], trace.dig("dialogue", "id")
    assert_equal "Vårdcentralen i Jokkmokk behöver öppet på kvällar.", trace.dig("contribution", "text")
  end

  def test_idempotency_key_replays_the_first_answer
    body = { text: "Fler bussar till sjukhuset.", channel: "web" }
    first = @portal.create_contribution(@dialogue["id"], body, idempotency_key: "decidim-test-1")
    again = @portal.create_contribution(@dialogue["id"], body, idempotency_key: "decidim-test-1")
    assert_equal first["receipt"], again["receipt"]
    assert_equal 1, @public.dialogue(@dialogue["id"])["counts"]["contributions"]
  end

  def test_validation_problem_is_a_typed_exception_with_fields
    error = assert_raises(Decidim::Dialogd::ValidationFailed) do
      @portal.create_contribution(@dialogue["id"], { text: "", channel: "pigeon",
                                                     contact: { email: "not-an-address", consent: true } })
    end
    assert_equal 422, error.status
    assert_equal "validation-failed", error.slug
    assert_equal %w[channel contact.email text], error.field_errors.keys.sort
    assert_kind_of Decidim::Dialogd::ProblemError, error
  end

  def test_not_found_unauthorized_forbidden_and_conflict
    assert_raises(Decidim::Dialogd::NotFound) { @public.dialogue("no-such-dialogue") }
    error = assert_raises(Decidim::Dialogd::NotFound) { @public.receipt("0000-0000-0000") }
    assert_equal "not-found", error.slug
    assert_raises(Decidim::Dialogd::Unauthorized) do
      DialogdServer.client.create_contribution(@dialogue["id"], { text: "x", channel: "web" })
    end
    bad_key = Decidim::Dialogd::Client.new(base_url: DialogdServer.base_url, api_key: "dlg_not_a_key")
    assert_raises(Decidim::Dialogd::Unauthorized) { bad_key.dialogue(@dialogue["id"]) }
    assert_raises(Decidim::Dialogd::Forbidden) { @portal.create_dialogue(DialogdServer.complete_plan("x")) }
    draft = DialogdServer.client(:editor).create_dialogue(DialogdServer.complete_plan("Utkast"))
    conflict = assert_raises(Decidim::Dialogd::Conflict) do
      @portal.create_contribution(draft["id"], { text: "Hej", channel: "web" })
    end
    assert_equal "dialogue-not-open", conflict.slug
  end

  def test_ids_cannot_change_the_path
    assert_raises(Decidim::Dialogd::NotFound) { @public.dialogue("../../health") }
  end

  def test_key_never_in_inspect_or_messages
    client = DialogdServer.client(:portal)
    refute_includes client.inspect, DialogdServer.keys[:portal]
    error = assert_raises(Decidim::Dialogd::ValidationFailed) { client.create_contribution(@dialogue["id"], { text: "" }) }
    refute_includes error.message, DialogdServer.keys[:portal]
  end

  def test_rejects_a_base_url_that_is_not_http
    assert_raises(ArgumentError) { Decidim::Dialogd::Client.new(base_url: "file:///etc/passwd") }
  end
end

# Retries and timeouts against a scripted local server (dialogd itself never answers 503 on cue).
class ClientRetryTest < Minitest::Test
  # Answers each accepted connection with the next scripted answer (or hangs on :hang) and records
  # the request headers.
  class ScriptedServer
    attr_reader :requests

    def initialize(answers)
      @answers = answers
      @requests = []
      @server = TCPServer.new("127.0.0.1", 0)
      @thread = Thread.new { serve }
    end

    def url
      "http://127.0.0.1:#{@server.addr[1]}"
    end

    def close
      @thread.kill
      @server.close
    end

    private

    def serve
      loop do
        socket = @server.accept
        @requests << read_request(socket)
        answer = @answers.shift || [500, "{}"]
        (@hung ||= []) << socket and next if answer == :hang

        status, body = answer
        type = status >= 400 ? "application/problem+json" : "application/json"
        socket.write("HTTP/1.1 #{status} X\r\nContent-Type: #{type}\r\nContent-Length: #{body.bytesize}\r\n" \
                     "Connection: close\r\n\r\n#{body}")
        socket.close
      end
    end

    def read_request(socket)
      headers = {}
      socket.gets
      while (line = socket.gets) && line != "\r\n"
        name, value = line.split(":", 2)
        headers[name.downcase] = value.strip
      end
      socket.read(headers["content-length"].to_i) if headers["content-length"]
      headers
    end
  end

  def problem(status, slug)
    JSON.generate(type: "https://dialogd.se/problems/#{slug}", title: slug, status: status, detail: slug)
  end

  def test_post_is_retried_with_the_same_idempotency_key
    server = ScriptedServer.new([[503, problem(503, "store-unavailable")], [502, "{}"],
                                 [201, '{"receipt":"AAAA-BBBB-CCCC"}']])
    waits = []
    client = Decidim::Dialogd::Client.new(base_url: server.url, api_key: "k", sleeper: ->(s) { waits << s })
    answer = client.create_contribution("d1", { text: "x", channel: "web" })
    assert_equal "AAAA-BBBB-CCCC", answer["receipt"]
    keys = server.requests.map { |r| r["idempotency-key"] }
    assert_equal 3, keys.size
    assert_equal 1, keys.uniq.size
    refute_nil keys.first
    assert_equal [0.25, 0.5], waits
  ensure
    server&.close
  end

  def test_gives_up_after_the_retries_with_a_typed_error
    server = ScriptedServer.new([[503, problem(503, "store-unavailable")]] * 3)
    client = Decidim::Dialogd::Client.new(base_url: server.url, sleeper: ->(_) {})
    error = assert_raises(Decidim::Dialogd::ServiceUnavailable) { client.dialogue("d1") }
    assert_equal "store-unavailable", error.slug
    assert_equal 3, server.requests.size
  ensure
    server&.close
  end

  def test_read_timeout_is_retried_then_raised
    server = ScriptedServer.new(%i[hang hang])
    client = Decidim::Dialogd::Client.new(base_url: server.url, read_timeout: 0.3, retries: 1, sleeper: ->(_) {})
    assert_raises(Decidim::Dialogd::TimeoutError) { client.dialogue("d1") }
    assert_equal 2, server.requests.size
  ensure
    server&.close
  end

  def test_connection_refused_is_a_connection_error
    port = TCPServer.open("127.0.0.1", 0) { |s| s.addr[1] }
    client = Decidim::Dialogd::Client.new(base_url: "http://127.0.0.1:#{port}", retries: 1, sleeper: ->(_) {})
    error = assert_raises(Decidim::Dialogd::ConnectionError) { client.health }
    assert_match(/2 attempts/, error.message)
  end

  def test_client_errors_are_not_retried
    server = ScriptedServer.new([[404, problem(404, "not-found")]])
    client = Decidim::Dialogd::Client.new(base_url: server.url, sleeper: ->(_) { flunk "no retry" })
    assert_raises(Decidim::Dialogd::NotFound) { client.dialogue("d1") }
    assert_equal 1, server.requests.size
  ensure
    server&.close
  end
end
