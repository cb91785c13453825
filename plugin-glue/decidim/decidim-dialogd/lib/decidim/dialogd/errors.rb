# frozen_string_literal: true

module Decidim
  module Dialogd
    # Everything the client raises is a Decidim::Dialogd::Error.
    class Error < StandardError; end

    # dialogd could not be reached, or did not answer in time, after every retry.
    class ConnectionError < Error; end

    # The connection or the answer took longer than the configured timeout.
    class TimeoutError < ConnectionError; end

    # dialogd answered something that is not the JSON its contract promises.
    class UnexpectedResponse < Error
      attr_reader :status, :body

      def initialize(message, status: nil, body: nil)
        super(message)
        @status = status
        @body = body
      end
    end

    # An RFC 9457 problem+json answer (4xx or 5xx), with its stable type slug and field errors.
    class ProblemError < Error
      attr_reader :status, :type, :title, :detail, :errors, :body, :request_id

      def initialize(status:, body: {}, request_id: nil)
        @status = status
        @body = body.is_a?(Hash) ? body : {}
        @type = @body["type"].to_s
        @title = @body["title"].to_s
        @detail = @body["detail"].to_s
        @errors = Array(@body["errors"]).select { |e| e.is_a?(Hash) }
        @request_id = request_id
        super("dialogd #{status} #{slug}: #{@detail.empty? ? @title : @detail}")
      end

      # The last path segment of `type`: "validation-failed", "not-found", "dialogue-not-open", ...
      def slug
        @type.split("/").last.to_s
      end

      # { "contact.email" => "...message..." } for 422 answers.
      def field_errors
        @errors.to_h { |e| [e["field"].to_s, e["message"].to_s] }
      end

      def unmet
        Array(@body["unmet"])
      end

      # The typed exception class for an HTTP status.
      def self.for_status(status)
        STATUS_CLASSES.fetch(status) { status >= 500 ? ServerError : ProblemError }
      end
    end

    class BadRequest < ProblemError; end
    class Unauthorized < ProblemError; end
    class Forbidden < ProblemError; end
    class NotFound < ProblemError; end
    class Conflict < ProblemError; end
    class PreconditionFailed < ProblemError; end
    class PayloadTooLarge < ProblemError; end
    class UnsupportedMediaType < ProblemError; end
    class ValidationFailed < ProblemError; end
    class PreconditionRequired < ProblemError; end
    class RateLimited < ProblemError; end
    class ServerError < ProblemError; end
    class ServiceUnavailable < ServerError; end

    ProblemError::STATUS_CLASSES = {
      400 => BadRequest, 401 => Unauthorized, 403 => Forbidden, 404 => NotFound, 409 => Conflict,
      412 => PreconditionFailed, 413 => PayloadTooLarge, 415 => UnsupportedMediaType,
      422 => ValidationFailed, 428 => PreconditionRequired, 429 => RateLimited,
      503 => ServiceUnavailable
    }.freeze
  end
end
