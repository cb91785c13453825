<?php
/**
 * Shared helpers: settings with wp-config.php overrides, URLs, translations.
 *
 * @package dialogd
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The three options; constants of the same names in upper case override them. */
const DIALOGD_OPTIONS = array( 'dialogd_url', 'dialogd_portal_key', 'dialogd_widget_key' );

/**
 * Loads the `dialogd` text domain (sv_SE and en_US ship in languages/).
 */
function dialogd_load_textdomain(): void {
	load_plugin_textdomain( 'dialogd', false, dirname( plugin_basename( DIALOGD_PLUGIN_FILE ) ) . '/languages' );
}

/**
 * Whether a wp-config.php constant overrides an option.
 *
 * @param string $name Option name.
 */
function dialogd_is_overridden( string $name ): bool {
	return defined( strtoupper( $name ) );
}

/**
 * An option's effective value: the upper-case constant wins over the database.
 *
 * @param string $name Option name.
 */
function dialogd_option( string $name ): string {
	$const = strtoupper( $name );
	if ( defined( $const ) ) {
		return trim( (string) constant( $const ) );
	}
	return trim( (string) get_option( $name, '' ) );
}

/**
 * dialogd's base URL without trailing slash, or ''.
 */
function dialogd_base_url(): string {
	return untrailingslashit( dialogd_option( 'dialogd_url' ) );
}

/**
 * A client for public reads (no key).
 */
function dialogd_public_client(): Dialogd_Client {
	return new Dialogd_Client( dialogd_base_url() );
}

/**
 * A client carrying the portal key (server side only).
 */
function dialogd_portal_client(): Dialogd_Client {
	return new Dialogd_Client( dialogd_base_url(), dialogd_option( 'dialogd_portal_key' ) );
}

/**
 * The public page of a dialogue on dialogd.
 *
 * @param string $id Dialogue id.
 */
function dialogd_public_page_url( string $id ): string {
	return dialogd_base_url() . '/d/' . rawurlencode( $id );
}

/**
 * The widget script's URL.
 */
function dialogd_widget_script_url(): string {
	return dialogd_base_url() . '/widgets/v1/dialogd.js';
}

/**
 * Masks a secret for display: only its last four characters.
 *
 * @param string $secret The secret.
 */
function dialogd_mask_secret( string $secret ): string {
	if ( '' === $secret ) {
		return '';
	}
	$tail = strlen( $secret ) > 12 ? substr( $secret, -4 ) : '';
	return str_repeat( '•', 8 ) . $tail;
}

/**
 * A dialogue id as accepted in attributes: letters, digits, '-', '_' only.
 *
 * @param mixed $id Raw id.
 */
function dialogd_sanitize_id( $id ): string {
	return preg_replace( '/[^A-Za-z0-9_-]/', '', (string) $id );
}

/**
 * 'sv' or 'en' from a language attribute or the site's locale.
 *
 * @param string $lang Requested language, may be ''.
 */
function dialogd_lang( string $lang = '' ): string {
	$lang = strtolower( substr( $lang, 0, 2 ) );
	if ( 'sv' === $lang || 'en' === $lang ) {
		return $lang;
	}
	return str_starts_with( determine_locale(), 'sv' ) ? 'sv' : 'en';
}

/**
 * A human label for a lifecycle state.
 *
 * @param string $state State code.
 */
function dialogd_state_label( string $state ): string {
	$labels = array(
		'draft'       => __( 'Draft', 'dialogd' ),
		'planned'     => __( 'Planned', 'dialogd' ),
		'preparing'   => __( 'Preparing', 'dialogd' ),
		'in_dialogue' => __( 'Open for dialogue', 'dialogd' ),
		'analysing'   => __( 'Analysing', 'dialogd' ),
		'reported'    => __( 'Reported', 'dialogd' ),
		'answered'    => __( 'Answered', 'dialogd' ),
		'decided'     => __( 'Decided', 'dialogd' ),
		'followed_up' => __( 'Followed up', 'dialogd' ),
		'closed'      => __( 'Closed', 'dialogd' ),
		'cancelled'   => __( 'Cancelled', 'dialogd' ),
	);
	return $labels[ $state ] ?? $state;
}

/**
 * Runs a callback with the plugin's strings in the given language, then restores them.
 * Loads the plugin's own .mo directly, so it works even when WordPress core has no sv_SE files.
 *
 * @param string   $lang     'sv' or 'en'.
 * @param callable $callback Work to do.
 * @return mixed
 */
function dialogd_in_language( string $lang, callable $callback ) {
	$current = str_starts_with( determine_locale(), 'sv' ) ? 'sv' : 'en';
	if ( $lang === $current ) {
		return $callback();
	}
	$load = static function ( string $which ): void {
		unload_textdomain( 'dialogd' );
		if ( 'sv' === $which ) {
			load_textdomain( 'dialogd', DIALOGD_PLUGIN_DIR . '/languages/dialogd-sv_SE.mo' );
		} else {
			load_textdomain( 'dialogd', DIALOGD_PLUGIN_DIR . '/languages/dialogd-en_US.mo' );
		}
	};
	$load( $lang );
	try {
		return $callback();
	} finally {
		unload_textdomain( 'dialogd' );
		dialogd_load_textdomain();
	}
}
