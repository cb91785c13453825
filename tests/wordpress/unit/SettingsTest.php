<?php
/**
 * Options, wp-config.php overrides, masking, the settings page's guards and the health check.
 */
class SettingsTest extends DialogdTestCase {

	public function test_constant_overrides_option(): void {
		update_option( 'dialogd_widget_key', 'from-db' );
		$this->assertTrue( dialogd_is_overridden( 'dialogd_widget_key' ) );
		$this->assertSame( 'widget-key-from-wp-config', dialogd_option( 'dialogd_widget_key' ) );
		$this->assertSame( 'http://dialogd.test', dialogd_option( 'dialogd_url' ) );
	}

	public function test_secret_is_masked(): void {
		$this->assertSame( '', dialogd_mask_secret( '' ) );
		$masked = dialogd_mask_secret( 'portal-secret-key-1234567890' );
		$this->assertStringEndsWith( '7890', $masked );
		$this->assertStringNotContainsString( 'portal-secret', $masked );
		$this->assertStringNotContainsString( 'short', dialogd_mask_secret( 'shortkey' ) );
	}

	public function test_empty_key_submission_keeps_stored_key(): void {
		$this->assertSame( 'portal-secret-key-1234567890', dialogd_sanitize_key_option( 'dialogd_portal_key', '' ) );
		$this->assertSame( 'new-key', dialogd_sanitize_key_option( 'dialogd_portal_key', ' new-key ' ) );
	}

	public function test_url_sanitizing(): void {
		$this->assertSame( 'https://dialog.example.se', dialogd_sanitize_url_option( 'https://dialog.example.se/' ) );
		$this->assertSame( 'http://dialogd.test', dialogd_sanitize_url_option( 'javascript:alert(1)' ) );
	}

	public function test_key_field_never_prints_the_key(): void {
		ob_start();
		dialogd_field_key( array( 'name' => 'dialogd_portal_key' ) );
		$html = ob_get_clean();
		$this->assertStringNotContainsString( 'portal-secret-key-1234567890', $html );
		$this->assertStringContainsString( 'value=""', $html );
		$this->assertStringContainsString( 'type="password"', $html );
	}

	public function test_settings_page_refuses_non_admins(): void {
		$id = wp_insert_user( array( 'user_login' => 'sub' . wp_rand(), 'user_pass' => wp_generate_password(), 'role' => 'subscriber' ) );
		wp_set_current_user( $id );
		$this->assertFalse( current_user_can( 'manage_options' ) );
		add_filter( 'wp_die_handler', fn() => static function ( $message ) { throw new RuntimeException( 'died: ' . $message ); } );
		try {
			dialogd_render_settings_page();
			$this->fail( 'a subscriber saw the settings page' );
		} catch ( RuntimeException $e ) {
			$this->assertStringContainsString( 'died', $e->getMessage() );
		}
	}

	public function test_health_check_reports_both_outcomes(): void {
		$this->responder = fn( $url ) => str_ends_with( $url, '/health' ) ? array( 200, array( 'status' => 'ok' ) ) : array( 404, null );
		$ok = dialogd_check_health();
		$this->assertTrue( $ok['ok'] );
		$this->assertSame( 'http://dialogd.test/health', $this->requests[0]['url'] );
		$this->assertArrayNotHasKey( 'Authorization', $this->requests[0]['args']['headers'] );
		$this->responder = fn() => array( 503, array( 'title' => 'down' ) );
		$bad = dialogd_check_health();
		$this->assertFalse( $bad['ok'] );
		$this->assertStringContainsString( '503', $bad['message'] );
	}

	public function test_uninstall_removes_options(): void {
		update_option( 'dialogd_widget_key', 'x' );
		set_transient( 'dialogd_something', 1, 60 );
		define( 'WP_UNINSTALL_PLUGIN', 'dialogd/dialogd.php' );
		include DIALOGD_PLUGIN_DIR . '/uninstall.php';
		wp_cache_flush();
		$this->assertFalse( get_option( 'dialogd_portal_key' ) );
		$this->assertFalse( get_option( 'dialogd_widget_key' ) );
		$this->assertFalse( get_transient( 'dialogd_something' ) );
	}
}
