# frozen_string_literal: true

require_relative "test_helper"

# The server-rendered fallback (the templates the controllers and cells render) on a live dialogue.
class ViewsTest < Minitest::Test
  def setup
    @dialogue = DialogdServer.open_dialogue
    DialogdServer.add_activity(@dialogue["id"])
    @client = DialogdServer.client
  end

  def render(locale: "sv", **options)
    view = Decidim::Dialogd::DialogueView.fetch(@client, @dialogue["id"], locale: locale)
    Decidim::Dialogd::Renderer.new(locale: locale).dialogue(
      view, contribute_url: "/processes/p/f/7/contributions", receipt_url: "/processes/p/f/7/receipts",
            form_token: "6f1c2a3e-0000-4000-8000-000000000001", authenticity_token: "csrf-token", **options
    )
  end

  def test_status_ladder_representation_and_feedback_in_swedish
    html = render
    assert_includes html, "Framtidens hälso- och sjukvård i Norrbotten"
    assert_includes html, "Dialoger genomförs"
    assert_match(/Steg [1-5] av 5: /, html)
    assert_includes html, 'aria-current="step"'
    assert_includes html, "40 deltagare registrerade."
    # 2 of 40 are young (5 %) against 12 % expected: under-represented, drawn red.
    assert_match(%r{<th scope="row">Unga 16-25 år</th>\s*<td>12&nbsp;%</td>\s*<td>5&nbsp;% \(underrepresenterad\)</td>}, html)
    assert_includes html, 'fill="#b3261e"'
    assert_includes html, "Ingen återkoppling har publicerats ännu."
  end

  def test_english_texts
    html = render(locale: "en")
    assert_includes html, "Dialogue under way"
    assert_match(/Step [1-5] of 5: /, html)
    assert_includes html, "40 participants recorded."
    assert_includes html, "under-represented"
  end

  def test_widgets_wrap_the_fallback_and_the_script_comes_from_dialogd
    html = render
    assert_includes html, %(<script type="module" src="#{DialogdServer.base_url}/widgets/v1/dialogd.js"></script>)
    %w[status ladder representation feedback].each do |name|
      assert_match(%r{<dialogd-#{name} dialogue="#{@dialogue['id']}" lang="sv"[^>]*>.*</dialogd-#{name}>}m, html)
    end
    assert_includes html, "<dialogd-receipt"
    plain = render(widgets: false)
    refute_includes plain, "<script"
    refute_includes plain, "<dialogd-"
    assert_includes plain, "dialogd-representation-table"
  end

  def test_the_widgets_script_the_page_loads
    uri = URI("#{DialogdServer.base_url}/widgets/v1/dialogd.js")
    response = Net::HTTP.get_response(uri)
    skip "this dialogd has no /widgets/v1/dialogd.js yet (the widgets issue): the fallback stands alone" if response.code == "404"
    assert_equal "200", response.code
    assert_match(/javascript/, response["content-type"])
    assert_includes response.body, "customElements.define"
  end

  def test_the_page_holds_no_key
    html = render
    DialogdServer.keys.each_value { |key| refute_includes html, key }
    assert_includes html, 'name="authenticity_token" value="csrf-token"'
    assert_includes html, 'action="/processes/p/f/7/contributions"'
  end

  def test_sections_can_be_switched_off
    html = render(sections: %i[status])
    assert_includes html, "<dialogd-status"
    refute_includes html, "<dialogd-ladder"
    refute_includes html, "dialogd-contribute"
  end

  def test_dialogd_text_is_escaped
    editor = DialogdServer.client(:editor)
    evil = editor.create_dialogue(DialogdServer.complete_plan("<script>alert(1)</script> & co"))
    view = Decidim::Dialogd::DialogueView.fetch(@client, evil["id"], locale: "sv")
    html = Decidim::Dialogd::Renderer.new(locale: "sv").dialogue(view, widgets: false)
    refute_includes html, "<script>alert(1)</script>"
    assert_includes html, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"
  end

  def test_contribution_form_only_while_in_dialogue
    assert_includes render, 'name="contribution[text]"'
    draft = DialogdServer.client(:editor).create_dialogue(DialogdServer.complete_plan("Utkast"))
    view = Decidim::Dialogd::DialogueView.fetch(@client, draft["id"], locale: "sv")
    html = Decidim::Dialogd::Renderer.new(locale: "sv").dialogue(view, contribute_url: "/c", receipt_url: "/r")
    refute_includes html, 'name="contribution[text]"'
    assert_includes html, "Förslag"
  end

  def test_form_offers_the_question_areas_and_target_groups
    html = render
    assert_includes html, 'value="Tillgänglighet till vård"'
    assert_includes html, %(name="contribution[groups][]" value="inland")
    assert_includes html, 'value="6f1c2a3e-0000-4000-8000-000000000001"'
  end

  def test_cancelled_dialogue_shows_its_public_feedback
    editor = DialogdServer.client(:editor)
    editor.transition(@dialogue["id"], "cancelled", note: "Regionstyrelsen avbröt dialogen.")
    html = render
    skip "this dialogd publishes no public feedback entry on cancellation" if html.include?("Ingen återkoppling har publicerats ännu.")
    assert_includes html, "Dialogen avbröts"
    refute_includes html, 'name="contribution[text]"'
  end

  def test_unknown_dialogue_and_unreachable_dialogd_render_a_notice
    view = Decidim::Dialogd::DialogueView.fetch(@client, "no-such-dialogue", locale: "sv")
    assert view.unavailable?
    assert_includes Decidim::Dialogd::Renderer.new(locale: "sv").dialogue(view), "Dialogen kan inte visas just nu."
    port = TCPServer.open("127.0.0.1", 0) { |s| s.addr[1] }
    down = Decidim::Dialogd::Client.new(base_url: "http://127.0.0.1:#{port}", retries: 0)
    view = Decidim::Dialogd::DialogueView.fetch(down, @dialogue["id"], locale: "en")
    assert_includes Decidim::Dialogd::Renderer.new(locale: "en").dialogue(view), "cannot be shown right now"
  end

  def test_after_one_timeout_no_further_part_is_asked_for
    client = DialogdServer.client
    calls = []
    client.define_singleton_method(:ladder) do |_id|
      calls << :ladder
      raise Decidim::Dialogd::TimeoutError, "slow"
    end
    %i[representation public_feedback].each do |name|
      client.define_singleton_method(name) { |*| calls << name }
    end
    view = Decidim::Dialogd::DialogueView.fetch(client, @dialogue["id"], locale: "sv")
    assert_equal [:ladder], calls
    refute view.unavailable?
    refute view.complete?
    html = Decidim::Dialogd::Renderer.new(locale: "sv").dialogue(view, widgets: false)
    assert_includes html, "Dialoger genomförs"
    assert_equal 2, html.scan("Den här delen kan inte visas just nu.").size # representation, feedback
    assert_match(/Steg [1-5] av 5/, html, "the ladder step falls back to the dialogue's own summary")
  end

  def test_feedback_entries_render_each_need_outcome
    view = Decidim::Dialogd::DialogueView.new(
      dialogue_id: "d", locale: "en",
      dialogue: { "title" => "T", "state" => "reported" },
      feedback: { "items" => [{ "moment" => "report", "date" => "2027-09-01", "note" => "Rapporten finns på webben.",
                                "published_at" => "2027-09-01T10:00:00Z",
                                "needs" => [{ "need_id" => "n1", "title" => "Kvällsöppet",
                                              "outcome" => { "sv" => "I rapporten", "en" => "In the report" } }] }] }
    )
    html = Decidim::Dialogd::Renderer.new(locale: "en").dialogue(view, sections: %i[feedback], widgets: false)
    assert_includes html, "The report"
    assert_includes html, '<time datetime="2027-09-01">'
    assert_includes html, "<strong>Kvällsöppet</strong>: In the report"
  end
end

# The receipt lookup, from a real contribution to its rendered trace.
class ReceiptViewTest < Minitest::Test
  def test_lookup_renders_the_trace
    dialogue = DialogdServer.open_dialogue
    created = DialogdServer.client(:portal).create_contribution(dialogue["id"], { text: "Fler bussar till sjukhuset.", channel: "web" })
    trace = Decidim::Dialogd::TraceView.lookup(DialogdServer.client, created["receipt"].downcase, locale: "sv")
    assert trace.found?
    html = Decidim::Dialogd::Renderer.new(locale: "sv").receipt(trace: trace, receipt_url: "/r")
    assert_includes html, "Kvitto #{created['receipt']}"
    assert_includes html, "Fler bussar till sjukhuset."
    assert_includes html, "Dialoger genomförs"
    assert_includes html, %(value="#{created['receipt'].downcase}")
  end

  def test_unknown_and_malformed_codes
    unknown = Decidim::Dialogd::TraceView.lookup(DialogdServer.client, "ZZZZ-ZZZZ-ZZZZ", locale: "en")
    refute unknown.found?
    html = Decidim::Dialogd::Renderer.new(locale: "en").receipt(trace: unknown, receipt_url: "/r")
    assert_includes html, "No contribution has the receipt code ZZZZ-ZZZZ-ZZZZ."
    no_call = Object.new
    def no_call.receipt(_code) = raise("must not ask dialogd")
    malformed = Decidim::Dialogd::TraceView.lookup(no_call, "<b>x</b>", locale: "en")
    refute malformed.found?
    refute_includes Decidim::Dialogd::Renderer.new(locale: "en").receipt(trace: malformed), "<b>x</b>"
  end

  def test_full_trace_fields
    trace = Decidim::Dialogd::TraceView.new(code: "K7Q2-9XMD-4TPA", locale: "en", trace: {
                                              "receipt" => "K7Q2-9XMD-4TPA",
                                              "dialogue" => { "id" => "d", "title" => "Vården", "state" => "decided",
                                                              "next_step" => { "state" => "followed_up", "due_on" => "2028-10-01" } },
                                              "contribution" => { "text" => "Kvällsöppet", "channel" => "web",
                                                                  "submitted_on" => "2027-03-01" },
                                              "disposition" => { "value" => "need", "reason" => nil },
                                              "needs" => [{ "id" => "n", "title" => "Tillgänglighet", "in_report" => true,
                                                            "board_answer" => { "no_measure_reason" => nil, "measures" => [
                                                              { "id" => "m", "title" => "Kvällsmottagning", "decision" => "adopted",
                                                                "rejection_reason" => nil, "status" => "in_progress", "progress" => 40 }
                                                            ] } }],
                                              "report" => { "title" => "Rapport 2027", "presented_on" => "2027-09-01",
                                                            "url" => "https://region.se/r.pdf" },
                                              "decision" => { "decided_on" => "2027-10-01", "reference" => "§ 12",
                                                              "follow_up_due_on" => "2028-10-01" },
                                              "follow_up" => nil
                                            })
    html = Decidim::Dialogd::Renderer.new(locale: "en").receipt(trace: trace, receipt_url: "/r")
    assert_includes html, "Supported a need"
    assert_includes html, "Kvällsmottagning: adopted, in progress (40&nbsp;%)"
    assert_includes html, 'href="https://region.se/r.pdf"'
    trace.trace["report"]["url"] = "javascript:alert(1)"
    refute_includes Decidim::Dialogd::Renderer.new(locale: "en").receipt(trace: trace), "javascript:"
    assert_includes html, "The council decided on 2027-10-01 (§ 12)"
    assert_includes html, "Next: Followed up"
  end
end
