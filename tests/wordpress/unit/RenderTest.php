<?php
/**
 * Shortcodes, block, fallback, script enqueueing, oEmbed and the dashboard list.
 */
class RenderTest extends DialogdTestCase {

	protected function setUp(): void {
		parent::setUp();
		$this->responder = fn( $url ) => str_contains( $url, '/v1/dialogues/dlg_1' ) ? array( 200, $this->dialogue() ) : array( 404, array( 'title' => 'Not Found' ) );
		wp_dequeue_script( 'dialogd-widgets' );
		wp_deregister_script( 'dialogd-widgets' );
	}

	public function test_every_shortcode_renders_element_and_escaped_fallback(): void {
		foreach ( array( 'status', 'ladder', 'contribute', 'feedback', 'representation' ) as $w ) {
			$html = do_shortcode( '[dialogd_' . $w . ' dialogue="dlg_1" lang="en"]' );
			$this->assertStringStartsWith( '<dialogd-' . $w . ' lang="en" dialogue="dlg_1"', $html, $w );
			$this->assertStringContainsString( 'Framtidens vård &lt;i&gt;i&lt;/i&gt; Norrbotten', $html, $w );
			$this->assertStringContainsString( 'Open for dialogue', $html, $w );
			$this->assertStringContainsString( 'href="http://dialogd.test/d/dlg_1"', $html, $w );
			$this->assertStringNotContainsString( 'portal-secret', $html, $w );
		}
		$this->assertSame( 1, count( array_filter( $this->requests, fn( $r ) => str_contains( $r['url'], 'dlg_1' ) ) ), 'the dialogue is fetched once and cached' );
	}

	public function test_swedish_fallback(): void {
		$html = do_shortcode( '[dialogd_status dialogue="dlg_1" lang="sv"]' );
		$this->assertStringContainsString( 'Pågående dialog', $html );
		$this->assertStringContainsString( 'Läs mer om dialogen', $html );
	}

	public function test_hostile_dialogue_attribute_is_stripped(): void {
		$html = do_shortcode( '[dialogd_status dialogue="x&quot;><script>alert(1)</script>"]' );
		$this->assertStringNotContainsString( '<script', $html );
	}

	public function test_widget_key_is_on_contribute_only_and_portal_key_never(): void {
		$html = do_shortcode( '[dialogd_contribute dialogue="dlg_1"]' );
		$this->assertStringContainsString( 'key="widget-key-from-wp-config"', $html );
		$this->assertStringContainsString( '<form class="dialogd-contribute-form"', $html );
		$this->assertStringNotContainsString( 'key=', do_shortcode( '[dialogd_status dialogue="dlg_1"]' ) );
	}

	public function test_closed_dialogue_has_no_form(): void {
		$this->responder = fn() => array( 200, $this->dialogue( 'closed' ) );
		$this->assertStringNotContainsString( '<form', do_shortcode( '[dialogd_contribute dialogue="dlg_1" lang="en"]' ) );
	}

	public function test_unreachable_dialogd_shows_a_message(): void {
		$this->responder = fn() => array( 503, array( 'title' => 'down' ) );
		$html = do_shortcode( '[dialogd_status dialogue="dlg_1" lang="en"]' );
		$this->assertStringContainsString( 'cannot be shown right now', $html );
	}

	public function test_script_enqueued_once_with_the_right_url(): void {
		do_shortcode( '[dialogd_status dialogue="dlg_1"][dialogd_ladder dialogue="dlg_1"]' );
		$this->assertTrue( wp_script_is( 'dialogd-widgets', 'enqueued' ) );
		$this->assertSame( 'http://dialogd.test/widgets/v1/dialogd.js', wp_scripts()->registered['dialogd-widgets']->src );
	}

	public function test_block_is_registered_and_renders(): void {
		$type = WP_Block_Type_Registry::get_instance()->get_registered( 'dialogd/widget' );
		$this->assertNotNull( $type );
		$this->assertTrue( $type->is_dynamic() );
		$html = do_blocks( '<!-- wp:dialogd/widget {"widget":"ladder","dialogue":"dlg_1","lang":"en"} /-->' );
		$this->assertStringContainsString( '<dialogd-ladder', $html );
		$this->assertStringContainsString( 'step 3 of 5', $html );
	}

	public function test_unconfigured_plugin_renders_nothing_for_visitors(): void {
		update_option( 'dialogd_url', '' );
		$this->assertSame( '', do_shortcode( '[dialogd_status dialogue="dlg_1"]' ) );
	}

	public function test_receipt_lookup(): void {
		$this->responder = fn( $url ) => str_contains( $url, '/v1/receipts/ABC-123' ) ? array( 200, array( 'dialogue' => array( 'title' => 'Vården', 'state' => 'analysing' ) ) ) : array( 404, null );
		$_GET['dialogd_receipt'] = 'ABC-123';
		$html = do_shortcode( '[dialogd_receipt lang="en"]' );
		unset( $_GET['dialogd_receipt'] );
		$this->assertStringContainsString( 'Vården', $html );
		$this->assertStringContainsString( 'Analysing', $html );
	}

	public function test_oembed_provider_registered(): void {
		dialogd_register_oembed();
		$oembed = _wp_oembed_get_object();
		$this->assertSame( 'http://dialogd.test/oembed', $oembed->get_provider( 'http://dialogd.test/d/dlg_1', array( 'discover' => false ) ) );
	}

	public function test_dashboard_list_escapes_and_counts(): void {
		$html = dialogd_overdue_list_html( array( 'items' => array( array( 'dialogue_id' => 'dlg_1', 'title' => '<b>Vård</b>', 'state' => 'reported', 'overdue_messages' => 3, 'follow_up_overdue' => true ) ) ) );
		$this->assertStringContainsString( '&lt;b&gt;Vård&lt;/b&gt;', $html );
		$this->assertStringContainsString( '3', $html );
		$this->assertStringContainsString( '<ul', dialogd_overdue_list_html( array( 'items' => array( array( 'dialogue_id' => 'a', 'title' => 't', 'overdue_messages' => array( 1 ) ) ) ) ) );
		$this->assertStringNotContainsString( '<ul', dialogd_overdue_list_html( array( 'items' => array() ) ) );
	}

	public function test_dashboard_widget_only_for_editors(): void {
		global $wp_meta_boxes;
		$wp_meta_boxes = array();
		require_once ABSPATH . 'wp-admin/includes/dashboard.php';
		require_once ABSPATH . 'wp-admin/includes/template.php';
		require_once ABSPATH . 'wp-admin/includes/class-wp-screen.php';
		require_once ABSPATH . 'wp-admin/includes/screen.php';
		set_current_screen( 'dashboard' );
		dialogd_dashboard_setup();
		$this->assertEmpty( $wp_meta_boxes['dashboard']['normal']['core']['dialogd_overdue'] ?? null );
		$editor = wp_insert_user( array( 'user_login' => 'ed' . wp_rand(), 'user_pass' => wp_generate_password(), 'role' => 'editor' ) );
		wp_set_current_user( $editor );
		dialogd_dashboard_setup();
		$this->assertNotEmpty( $wp_meta_boxes['dashboard']['normal']['core']['dialogd_overdue'] ?? null );
	}
}
