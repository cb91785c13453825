# frozen_string_literal: true

require "json"
require "net/http"
require "openssl"
require "securerandom"
require "uri"
require_relative "errors"
require_relative "version"

module Decidim
  module Dialogd
    # A client for dialogd's REST API (openapi/openapi.yaml), Ruby's standard library only.
    #
    # - Every request has an open, write and read timeout.
    # - Transport failures, timeouts and 429/502/503/504 answers are retried with backoff. A POST
    #   always carries an `Idempotency-Key` (given, or generated once per call) and every retry of it
    #   sends the same key, so dialogd answers a retry with the first answer and creates nothing twice.
    #   PATCH is never retried.
    # - problem+json answers are raised as typed exceptions (Decidim::Dialogd::ValidationFailed, ...).
    #
    # The API key is sent only as `Authorization: Bearer`; it never appears in an exception message,
    # in #inspect or in a log line.
    class Client
      RETRY_STATUSES = [429, 502, 503, 504].freeze
      TIMEOUT_ERRORS = [Net::OpenTimeout, Net::ReadTimeout, Net::WriteTimeout].freeze
      TRANSPORT_ERRORS = [
        Errno::ECONNREFUSED, Errno::ECONNRESET, Errno::EHOSTUNREACH, Errno::ENETUNREACH, Errno::EPIPE,
        EOFError, IOError, SocketError, OpenSSL::SSL::SSLError
      ].freeze
      MAX_BACKOFF = 5.0

      # A raw answer: status, headers (lower-case names) and the parsed JSON body (or nil).
      Response = Struct.new(:status, :headers, :body, :attempts, keyword_init: true)

      attr_reader :base_url, :open_timeout, :read_timeout, :retries

      # base_url     - dialogd's address, e.g. "https://dialog.region.se" (a path prefix is kept).
      # api_key      - a dialogd key (editor for sources, portal for contributions); nil for public reads.
      # locale       - sent as Accept-Language ("sv" or "en").
      # sleeper      - called with the seconds to wait between attempts (tests pass a recorder).
      def initialize(base_url:, api_key: nil, locale: nil, open_timeout: 2, read_timeout: 5,
                     write_timeout: 5, retries: 2, backoff: 0.25, logger: nil, sleeper: nil)
        @base_uri = URI.parse(base_url.to_s.strip)
        unless @base_uri.is_a?(URI::HTTP) && @base_uri.host
          raise ArgumentError, "dialogd base_url must be an http(s) URL, got #{base_url.inspect}"
        end

        @base_url = @base_uri.to_s.chomp("/")
        @api_key = api_key.to_s.empty? ? nil : api_key.to_s
        @locale = locale
        @open_timeout = open_timeout
        @read_timeout = read_timeout
        @write_timeout = write_timeout
        @retries = retries
        @backoff = backoff
        @logger = logger
        @sleeper = sleeper || ->(seconds) { sleep(seconds) }
      end

      def inspect
        "#<#{self.class.name} #{@base_url} key=#{@api_key ? '[set]' : 'none'}>"
      end

      # The widgets script served by dialogd (the widgets issue).
      def widgets_script_url
        "#{@base_url}/widgets/v1/dialogd.js"
      end

      def health
        get("/health")
      end

      def dialogue(id)
        get("/v1/dialogues/#{segment(id)}")
      end

      def ladder(id)
        get("/v1/dialogues/#{segment(id)}/ladder")
      end

      def representation(id)
        get("/v1/dialogues/#{segment(id)}/representation")
      end

      def public_feedback(id, limit: nil, cursor: nil)
        get("/v1/dialogues/#{segment(id)}/feedback/public", query: { limit: limit, cursor: cursor })
      end

      # The trace of one contribution; case, dashes and look-alike letters are forgiven by dialogd.
      def receipt(code)
        get("/v1/receipts/#{segment(code.to_s.strip)}")
      end

      # attributes: text, channel, themes, groups, language, contact {email, name, consent}.
      def create_contribution(dialogue_id, attributes, idempotency_key: nil)
        post("/v1/dialogues/#{segment(dialogue_id)}/contributions", attributes, idempotency_key: idempotency_key)
      end

      # Registers a source (kind "decidim") for a dialogue; needs an editor key.
      def create_source(dialogue_id, attributes, idempotency_key: nil)
        post("/v1/dialogues/#{segment(dialogue_id)}/sources", attributes, idempotency_key: idempotency_key)
      end

      def create_dialogue(plan, idempotency_key: nil)
        post("/v1/dialogues", plan, idempotency_key: idempotency_key)
      end

      def transition(dialogue_id, to, note: nil)
        body = { to: to }
        body[:note] = note if note
        post("/v1/dialogues/#{segment(dialogue_id)}/transitions", body)
      end

      def get(path, query: nil)
        request(:get, path, query: query).body
      end

      def post(path, body, idempotency_key: nil)
        request(:post, path, body: body, idempotency_key: idempotency_key).body
      end

      # One call with retries; answers a Response for 2xx and raises a typed error otherwise.
      def request(method, path, body: nil, query: nil, idempotency_key: nil, headers: {})
        idempotency_key ||= SecureRandom.uuid if method == :post
        uri = build_uri(path, query)
        request = build_request(method, uri, body, idempotency_key, headers)
        (1..).each do |attempt|
          response = attempt_once(request, uri, attempt) { |error| transport_failed(method, path, attempt, error) }
          next if response.nil?

          if RETRY_STATUSES.include?(response.code.to_i) && retry?(method, attempt)
            wait(attempt, response["retry-after"])
            next
          end
          return handle(response, attempt)
        end
      end

      private

      def retry?(method, attempt)
        method != :patch && attempt <= @retries
      end

      def wait(attempt, retry_after)
        seconds = retry_after.to_s.match?(/\A\d+\z/) ? retry_after.to_i : @backoff * (2**(attempt - 1))
        @sleeper.call([seconds.to_f, MAX_BACKOFF].min)
      end

      # Raises the typed error once the retries are spent, else waits before the next attempt.
      def transport_failed(method, path, attempt, error)
        if retry?(method, attempt)
          wait(attempt, nil)
        elsif TIMEOUT_ERRORS.any? { |kind| error.is_a?(kind) }
          raise TimeoutError, "dialogd did not answer #{method.upcase} #{path} in time " \
                              "(#{error.class.name.split('::').last}, #{attempt} attempts)"
        else
          raise ConnectionError, "dialogd unreachable for #{method.upcase} #{path}: #{error.class.name} (#{attempt} attempts)"
        end
      end

      # One HTTP exchange; a transport failure is yielded and answers nil.
      def attempt_once(request, uri, attempt)
        started = Process.clock_gettime(Process::CLOCK_MONOTONIC)
        response = Net::HTTP.start(uri.host, uri.port, use_ssl: uri.scheme == "https",
                                                       open_timeout: @open_timeout, read_timeout: @read_timeout,
                                                       write_timeout: @write_timeout, max_retries: 0) do |http|
          http.request(request)
        end
        log(request.method, uri, response.code, started, attempt)
        response
      rescue *TIMEOUT_ERRORS, *TRANSPORT_ERRORS => e
        yield e
        nil
      end

      def build_request(method, uri, body, idempotency_key, headers)
        request = Net::HTTPGenericRequest.new(method.to_s.upcase, !body.nil?, method != :head, uri)
        request["Accept"] = "application/json, application/problem+json"
        request["User-Agent"] = "decidim-dialogd/#{VERSION}"
        request["Accept-Language"] = @locale.to_s if @locale
        request["Authorization"] = "Bearer #{@api_key}" if @api_key
        request["Idempotency-Key"] = idempotency_key if idempotency_key
        headers.each { |name, value| request[name] = value }
        unless body.nil?
          request["Content-Type"] = "application/json"
          request.body = JSON.generate(body)
        end
        request
      end

      def handle(response, attempts)
        status = response.code.to_i
        headers = response.each_header.to_h
        parsed = parse(response)
        return Response.new(status: status, headers: headers, body: parsed, attempts: attempts) if status.between?(200, 299)

        problem = parsed.is_a?(Hash) ? parsed : { "title" => response.message.to_s, "detail" => "" }
        raise ProblemError.for_status(status).new(status: status, body: problem, request_id: headers["x-request-id"])
      end

      def parse(response)
        text = response.body.to_s
        return nil if text.empty?

        type = response["content-type"].to_s
        return text unless type.include?("json")

        JSON.parse(text)
      rescue JSON::ParserError
        raise UnexpectedResponse.new("dialogd answered invalid JSON (#{response.code})", status: response.code.to_i)
      end

      def build_uri(path, query)
        uri = @base_uri.dup
        uri.path = @base_uri.path.chomp("/") + path
        pairs = (query || {}).compact
        uri.query = pairs.empty? ? nil : URI.encode_www_form(pairs)
        uri
      end

      # Percent-encodes one path segment (ids, receipt codes) so it cannot change the path.
      def segment(value)
        value.to_s.b.gsub(/[^A-Za-z0-9\-._~]/n) { |c| format("%%%02X", c.ord) }
      end

      def log(method, uri, status, started, attempt)
        return unless @logger

        ms = ((Process.clock_gettime(Process::CLOCK_MONOTONIC) - started) * 1000).round
        @logger.info("dialogd #{method.to_s.upcase} #{uri.path} #{status} #{ms}ms attempt=#{attempt}")
      end
    end
  end
end
