<?php
/**
 * The settings page (administrators only), through the Settings API.
 *
 * @package dialogd
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Adds Settings → dialogd.
 */
function dialogd_admin_menu(): void {
	add_options_page(
		__( 'dialogd settings', 'dialogd' ),
		'dialogd',
		'manage_options',
		'dialogd',
		'dialogd_render_settings_page'
	);
}

/**
 * Registers the options, the section and the fields.
 */
function dialogd_register_settings(): void {
	register_setting(
		'dialogd',
		'dialogd_url',
		array(
			'type'              => 'string',
			'sanitize_callback' => 'dialogd_sanitize_url_option',
			'default'           => '',
			'show_in_rest'      => false,
		)
	);
	foreach ( array( 'dialogd_portal_key', 'dialogd_widget_key' ) as $name ) {
		register_setting(
			'dialogd',
			$name,
			array(
				'type'              => 'string',
				'sanitize_callback' => static fn( $value ) => dialogd_sanitize_key_option( $name, $value ),
				'default'           => '',
				'show_in_rest'      => false,
			)
		);
	}
	add_settings_section( 'dialogd_main', __( 'Connection', 'dialogd' ), '__return_false', 'dialogd' );
	add_settings_field( 'dialogd_url', __( 'dialogd URL', 'dialogd' ), 'dialogd_field_url', 'dialogd', 'dialogd_main', array( 'label_for' => 'dialogd_url' ) );
	add_settings_field( 'dialogd_portal_key', __( 'Portal key', 'dialogd' ), 'dialogd_field_key', 'dialogd', 'dialogd_main', array( 'label_for' => 'dialogd_portal_key', 'name' => 'dialogd_portal_key' ) );
	add_settings_field( 'dialogd_widget_key', __( 'Widget key', 'dialogd' ), 'dialogd_field_key', 'dialogd', 'dialogd_main', array( 'label_for' => 'dialogd_widget_key', 'name' => 'dialogd_widget_key' ) );
}

/**
 * Sanitizes dialogd's URL: http(s) only, no trailing slash.
 *
 * @param mixed $value Submitted value.
 */
function dialogd_sanitize_url_option( $value ): string {
	$url = esc_url_raw( trim( (string) $value ), array( 'http', 'https' ) );
	if ( '' === $url && '' !== trim( (string) $value ) ) {
		add_settings_error( 'dialogd_url', 'dialogd_url', __( 'The dialogd URL must start with http:// or https://.', 'dialogd' ) );
		return (string) get_option( 'dialogd_url', '' );
	}
	return untrailingslashit( $url );
}

/**
 * Sanitizes a key. An empty submission keeps the stored key (the form never shows it).
 *
 * @param string $name  Option name.
 * @param mixed  $value Submitted value.
 */
function dialogd_sanitize_key_option( string $name, $value ): string {
	$value = trim( sanitize_text_field( (string) $value ) );
	if ( '' === $value ) {
		return (string) get_option( $name, '' );
	}
	return $value;
}

/**
 * The URL field.
 */
function dialogd_field_url(): void {
	$overridden = dialogd_is_overridden( 'dialogd_url' );
	printf(
		'<input type="url" class="regular-text" id="dialogd_url" name="dialogd_url" value="%s" %s placeholder="https://dialog.example.se">',
		esc_attr( dialogd_option( 'dialogd_url' ) ),
		disabled( $overridden, true, false )
	);
	if ( $overridden ) {
		echo '<p class="description">' . esc_html__( 'Set in wp-config.php (DIALOGD_URL).', 'dialogd' ) . '</p>';
	}
}

/**
 * A key field: a password input that is always empty; only a mask of the stored key is shown.
 *
 * @param array $args Field arguments (name).
 */
function dialogd_field_key( array $args ): void {
	$name       = $args['name'];
	$overridden = dialogd_is_overridden( $name );
	$stored     = dialogd_option( $name );
	printf(
		'<input type="password" class="regular-text" id="%1$s" name="%1$s" value="" autocomplete="off" %2$s placeholder="%3$s">',
		esc_attr( $name ),
		disabled( $overridden, true, false ),
		esc_attr( dialogd_mask_secret( $stored ) )
	);
	if ( $overridden ) {
		echo '<p class="description">' . esc_html(
			/* translators: %s: the constant's name */
			sprintf( __( 'Set in wp-config.php (%s).', 'dialogd' ), strtoupper( $name ) )
		) . '</p>';
	} elseif ( '' !== $stored ) {
		echo '<p class="description">' . esc_html__( 'A key is stored. Leave empty to keep it.', 'dialogd' ) . '</p>';
	}
}

/**
 * Renders the settings page.
 */
function dialogd_render_settings_page(): void {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to manage dialogd.', 'dialogd' ), 403 );
	}
	$result = get_transient( 'dialogd_health_' . get_current_user_id() );
	delete_transient( 'dialogd_health_' . get_current_user_id() );
	echo '<div class="wrap"><h1>' . esc_html__( 'dialogd settings', 'dialogd' ) . '</h1>';
	if ( is_array( $result ) ) {
		printf(
			'<div class="notice %1$s" id="dialogd-health"><p>%2$s</p></div>',
			esc_attr( $result['ok'] ? 'notice-success' : 'notice-error' ),
			esc_html( $result['message'] )
		);
	}
	echo '<form method="post" action="options.php">';
	settings_fields( 'dialogd' );
	do_settings_sections( 'dialogd' );
	submit_button();
	echo '</form>';
	echo '<form method="post" action="' . esc_url( admin_url( 'admin-post.php' ) ) . '">';
	echo '<input type="hidden" name="action" value="dialogd_test_connection">';
	wp_nonce_field( 'dialogd_test_connection' );
	submit_button( __( 'Test connection', 'dialogd' ), 'secondary', 'dialogd-test', false );
	echo '</form></div>';
}

/**
 * Calls dialogd's /health and describes the outcome.
 *
 * @return array{ok:bool,message:string}
 */
function dialogd_check_health(): array {
	if ( '' === dialogd_base_url() ) {
		return array( 'ok' => false, 'message' => __( 'No dialogd URL is set.', 'dialogd' ) );
	}
	$answer = dialogd_public_client()->request( 'GET', '/health' );
	if ( 200 === $answer['status'] ) {
		$status = is_array( $answer['body'] ) && isset( $answer['body']['status'] ) ? (string) $answer['body']['status'] : 'ok';
		/* translators: %s: status reported by dialogd */
		return array( 'ok' => true, 'message' => sprintf( __( 'Connected: dialogd answers (%s).', 'dialogd' ), $status ) );
	}
	if ( 0 === $answer['status'] ) {
		/* translators: %s: error message */
		return array( 'ok' => false, 'message' => sprintf( __( 'Could not reach dialogd: %s', 'dialogd' ), $answer['error'] ) );
	}
	/* translators: %d: HTTP status */
	return array( 'ok' => false, 'message' => sprintf( __( 'dialogd answered with HTTP status %d.', 'dialogd' ), $answer['status'] ) );
}

/**
 * admin-post handler for the "Test connection" button (nonce + capability).
 */
function dialogd_handle_test_connection(): void {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to manage dialogd.', 'dialogd' ), 403 );
	}
	check_admin_referer( 'dialogd_test_connection' );
	set_transient( 'dialogd_health_' . get_current_user_id(), dialogd_check_health(), 60 );
	wp_safe_redirect( admin_url( 'options-general.php?page=dialogd' ) );
	exit;
}
