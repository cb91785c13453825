# frozen_string_literal: true

require "i18n"
require_relative "client"

module Decidim
  module Dialogd
    # What became of one contribution, from GET /v1/receipts/{code}: for the receipt lookup.
    class TraceView
      CODE = /\A[0-9A-Za-z]{4}-?[0-9A-Za-z]{4}-?[0-9A-Za-z]{4}\z/

      attr_reader :code, :trace, :locale

      # Looks a code up; answers a view that is #found? or not (an unknown code and a malformed one
      # look the same, as dialogd's 404 reveals nothing either). Raises ConnectionError/ServerError.
      def self.lookup(client, code, locale: I18n.locale)
        code = code.to_s.strip
        return new(code: code, locale: locale) unless code.match?(CODE)

        new(code: code, trace: client.receipt(code), locale: locale)
      rescue NotFound
        new(code: code, locale: locale)
      end

      def initialize(code:, trace: nil, locale: I18n.locale)
        @code = code
        @trace = trace
        @locale = (locale || I18n.locale).to_s
      end

      def found?
        !@trace.nil?
      end

      def receipt
        @trace["receipt"]
      end

      def dialogue_title
        @trace.dig("dialogue", "title").to_s
      end

      def state_label
        state = @trace.dig("dialogue", "state").to_s
        label("states.#{state}", default: state)
      end

      def next_step
        step = @trace.dig("dialogue", "next_step")
        return nil unless step

        { state_label: label("states.#{step['state']}", default: step["state"].to_s), due_on: step["due_on"] }
      end

      def contribution_text
        @trace.dig("contribution", "text").to_s
      end

      def submitted_on
        @trace.dig("contribution", "submitted_on").to_s
      end

      def disposition
        d = @trace["disposition"]
        return nil unless d

        { label: label("dispositions.#{d['value']}", default: d["value"].to_s), reason: d["reason"] }
      end

      def needs
        Array(@trace["needs"]).map do |need|
          answer = need["board_answer"]
          {
            title: need["title"].to_s, in_report: need["in_report"] ? true : false,
            no_measure_reason: answer && answer["no_measure_reason"],
            measures: Array(answer && answer["measures"]).map do |m|
              { title: m["title"].to_s, decision_label: label("measures.decision.#{m['decision']}", default: m["decision"].to_s),
                status_label: m["status"] ? label("measures.status.#{m['status']}", default: m["status"].to_s) : nil,
                progress: m["progress"] }
            end
          }
        end
      end

      def report
        @trace["report"]
      end

      # The report's address, only when it is an http(s) URL (never javascript: or data:).
      def report_url
        url = report && report["url"].to_s
        url&.match?(%r{\Ahttps?://}i) ? url : nil
      end

      def decision
        @trace["decision"]
      end

      def follow_up
        @trace["follow_up"]
      end

      private

      def label(key, default:)
        I18n.t("decidim.dialogd.#{key}", locale: locale, default: default)
      end
    end
  end
end
