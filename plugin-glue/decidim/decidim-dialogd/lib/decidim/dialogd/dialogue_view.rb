# frozen_string_literal: true

require "i18n"
require_relative "client"

module Decidim
  module Dialogd
    # What a process page shows of its dialogue, read from dialogd's public routes (no key): the
    # dialogue's status, its ladder step, the representation and the public feedback. A part that
    # dialogd could not give is nil and listed in #missing; the page still renders the others.
    class DialogueView
      SECTIONS = %i[status ladder representation feedback].freeze
      LADDER_KEYS = %w[information consultation dialogue influence co_decision].freeze

      attr_reader :dialogue_id, :dialogue, :ladder, :representation, :feedback, :missing, :locale, :widgets_url

      # Reads what `sections` need; a dialogue that does not exist or a dialogd that does not answer
      # gives a view that is #unavailable?. Once dialogd has failed to answer (timeout, refused), the
      # remaining parts are not asked for: a page waits for at most one failing call.
      def self.fetch(client, dialogue_id, locale: I18n.locale, sections: SECTIONS)
        missing = []
        read = lambda do |name|
          next (missing << name) && nil if missing.include?(:unreachable)

          tolerate(missing, name) { read_part(client, name, dialogue_id) }
        end
        dialogue = read.call(:dialogue)
        return new(dialogue_id: dialogue_id, locale: locale, missing: missing, widgets_url: client.widgets_script_url) unless dialogue

        new(dialogue_id: dialogue_id, dialogue: dialogue, locale: locale, widgets_url: client.widgets_script_url,
            ladder: sections.include?(:ladder) ? read.call(:ladder) : nil,
            representation: sections.include?(:representation) ? read.call(:representation) : nil,
            feedback: sections.include?(:feedback) ? read.call(:feedback) : nil,
            missing: missing)
      end

      def self.read_part(client, name, dialogue_id)
        case name
        when :dialogue then client.dialogue(dialogue_id)
        when :ladder then client.ladder(dialogue_id)
        when :representation then client.representation(dialogue_id)
        when :feedback then client.public_feedback(dialogue_id, limit: 100)
        end
      end

      # Whatever dialogd answers (not found, rate limited, down), the page renders without that part.
      def self.tolerate(missing, name)
        yield
      rescue ConnectionError
        missing.push(name, :unreachable)
        nil
      rescue Error
        missing << name
        nil
      end
      private_class_method :read_part, :tolerate

      def initialize(dialogue_id:, dialogue: nil, ladder: nil, representation: nil, feedback: nil, missing: [],
                     locale: I18n.locale, widgets_url: nil)
        @dialogue_id = dialogue_id.to_s
        @dialogue = dialogue
        @ladder = ladder
        @representation = representation
        @feedback = feedback
        @missing = missing
        @locale = (locale || I18n.locale).to_s
        @widgets_url = widgets_url
      end

      def unavailable?
        @dialogue.nil?
      end

      # Every part it was asked for came back (worth caching).
      def complete?
        @missing.empty?
      end

      def title
        @dialogue&.fetch("title", nil).to_s
      end

      def body
        @dialogue&.fetch("body", nil)
      end

      def state
        @dialogue&.fetch("state", nil).to_s
      end

      def state_label
        label("states.#{state}", default: state)
      end

      # Contributions are taken only while the dialogue is in_dialogue.
      def open?
        state == "in_dialogue"
      end

      def contribution_count
        @dialogue&.dig("counts", "contributions").to_i
      end

      def period
        p = @dialogue&.fetch("period", nil)
        p.is_a?(Hash) && p["start"] && p["end"] ? "#{p['start']} – #{p['end']}" : nil
      end

      def question_areas
        Array(@dialogue&.fetch("question_areas", nil))
      end

      def target_groups
        Array(@dialogue&.fetch("target_groups", nil)).map { |g| { key: g["key"].to_s, label: g["label"].to_s } }
      end

      def feedback_promise
        @dialogue&.dig("feedback_plan", "promise")
      end

      # The ladder step dialogd derived (the classification), else the dialogue's own ladder summary.
      def ladder_level
        (@ladder && @ladder["level"]) || @dialogue&.dig("ladder", "derived")
      end

      def declared_level
        @ladder ? @ladder["declared"] : @dialogue&.dig("ladder", "declared")
      end

      def ladder_name
        from_api = @ladder&.dig("name", locale)
        from_api || label("ladder.steps.#{LADDER_KEYS[ladder_level.to_i - 1]}", default: ladder_level.to_s)
      end

      def ladder_promise
        @ladder&.dig("promise", locale)
      end

      # The five steps, lowest first, with the current one marked.
      def ladder_steps
        LADDER_KEYS.each_with_index.map do |key, i|
          { level: i + 1, key: key, name: label("ladder.steps.#{key}", default: key), current: ladder_level.to_i == i + 1 }
        end
      end

      def representation_total
        @representation&.fetch("total_participants", 0).to_i
      end

      # One row per target group: shares as whole percentages, the bar width in percent of 100.
      def representation_rows
        Array(@representation&.fetch("groups", nil)).map do |g|
          {
            key: g["key"].to_s, label: g["label"].to_s, reached: g["reached"].to_i,
            expected_percent: percent(g["expected_share"]), reached_percent: percent(g["reached_share"]),
            status: g["status"].to_s, status_label: label("representation.status.#{g['status']}", default: g["status"].to_s)
          }
        end
      end

      def feedback_entries
        Array(@feedback&.fetch("items", nil)).map do |e|
          {
            moment: e["moment"].to_s, moment_label: label("feedback.moments.#{e['moment']}", default: e["moment"].to_s),
            date: e["date"].to_s, note: e["note"],
            needs: Array(e["needs"]).map { |n| { title: n["title"].to_s, outcome: n.dig("outcome", locale).to_s } }
          }
        end
      end

      private

      def percent(share)
        (share.to_f * 100).round
      end

      def label(key, default:)
        I18n.t("decidim.dialogd.#{key}", locale: locale, default: default)
      end
    end
  end
end
