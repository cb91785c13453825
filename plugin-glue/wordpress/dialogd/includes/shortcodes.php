<?php
/**
 * Shortcodes and the block: each widget is a custom element with a server-rendered fallback
 * (title, state, link to the public page) fetched from the JSON API and cached briefly.
 *
 * @package dialogd
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The widgets of the widgets issue. */
const DIALOGD_WIDGETS = array( 'status', 'ladder', 'contribute', 'receipt', 'feedback', 'representation' );

/**
 * Registers [dialogd_status], [dialogd_ladder], ... .
 */
function dialogd_register_shortcodes(): void {
	foreach ( DIALOGD_WIDGETS as $widget ) {
		add_shortcode(
			'dialogd_' . $widget,
			static fn( $atts ) => dialogd_render_widget( $widget, is_array( $atts ) ? $atts : array() )
		);
	}
}

/**
 * Registers the dynamic block dialogd/widget (block.json + render callback; editor script needs no build).
 */
function dialogd_register_block(): void {
	if ( ! function_exists( 'register_block_type' ) ) {
		return;
	}
	wp_register_script(
		'dialogd-block-editor',
		plugins_url( 'blocks/widget/editor.js', DIALOGD_PLUGIN_FILE ),
		array( 'wp-blocks', 'wp-element', 'wp-components', 'wp-block-editor', 'wp-i18n', 'wp-server-side-render' ),
		DIALOGD_PLUGIN_VERSION,
		true
	);
	wp_set_script_translations( 'dialogd-block-editor', 'dialogd', DIALOGD_PLUGIN_DIR . '/languages' );
	register_block_type(
		DIALOGD_PLUGIN_DIR . '/blocks/widget',
		array( 'render_callback' => 'dialogd_render_block' )
	);
}

/**
 * Render callback of dialogd/widget.
 *
 * @param array $attributes Block attributes.
 */
function dialogd_render_block( array $attributes ): string {
	$widget = in_array( $attributes['widget'] ?? '', DIALOGD_WIDGETS, true ) ? $attributes['widget'] : 'status';
	return dialogd_render_widget(
		$widget,
		array(
			'dialogue' => $attributes['dialogue'] ?? '',
			'lang'     => $attributes['lang'] ?? '',
		)
	);
}

/**
 * Enqueues dialogd's widget script (WordPress prints a handle once per page).
 */
function dialogd_enqueue_widget_script(): void {
	if ( '' === dialogd_base_url() ) {
		return;
	}
	// phpcs:ignore WordPress.WP.EnqueuedResourceParameters.MissingVersion -- dialogd versions its own path.
	wp_enqueue_script( 'dialogd-widgets', dialogd_widget_script_url(), array(), null, true );
}

/**
 * Registers and enqueues the site's own contribution form script (posts to the WP REST route).
 */
function dialogd_enqueue_contribute_script(): void {
	wp_enqueue_script( 'dialogd-contribute', plugins_url( 'assets/contribute.js', DIALOGD_PLUGIN_FILE ), array(), DIALOGD_PLUGIN_VERSION, true );
	wp_localize_script(
		'dialogd-contribute',
		'dialogdContribute',
		array(
			'endpoint' => esc_url_raw( rest_url( 'dialogd/v1/contributions' ) ),
			'nonce'    => wp_create_nonce( 'dialogd_contribute' ),
			// Keeps a logged-in visitor logged in for the REST call (else WordPress treats them as anonymous).
			'restNonce' => is_user_logged_in() ? wp_create_nonce( 'wp_rest' ) : '',
			'sending'  => __( 'Sending…', 'dialogd' ),
			'failed'   => __( 'Your contribution could not be sent. Please try again.', 'dialogd' ),
			/* translators: %s: receipt code */
			'thanks'   => __( 'Thank you! Your receipt code is %s.', 'dialogd' ),
		)
	);
}

/**
 * Renders one widget: the custom element with the no-script fallback inside it.
 *
 * @param string $widget One of DIALOGD_WIDGETS.
 * @param array  $atts   Shortcode attributes (dialogue, lang).
 */
function dialogd_render_widget( string $widget, array $atts ): string {
	$atts = shortcode_atts(
		array(
			'dialogue' => '',
			'lang'     => '',
		),
		$atts,
		'dialogd_' . $widget
	);
	$id   = dialogd_sanitize_id( $atts['dialogue'] );
	$lang = dialogd_lang( (string) $atts['lang'] );

	if ( '' === dialogd_base_url() ) {
		return current_user_can( 'manage_options' )
			? '<p class="dialogd-notice">' . esc_html__( 'dialogd is not configured yet (Settings → dialogd).', 'dialogd' ) . '</p>'
			: '';
	}
	dialogd_enqueue_widget_script();

	return dialogd_in_language(
		$lang,
		static function () use ( $widget, $id, $lang ): string {
			$attrs = array( 'lang' => $lang );
			if ( '' !== $id ) {
				$attrs['dialogue'] = $id;
			}
			if ( 'contribute' === $widget ) {
				$widget_key = dialogd_option( 'dialogd_widget_key' );
				if ( '' !== $widget_key ) {
					$attrs['key'] = $widget_key;
				}
			}
			$html = '<dialogd-' . $widget;
			foreach ( $attrs as $name => $value ) {
				$html .= ' ' . $name . '="' . esc_attr( $value ) . '"';
			}
			$html .= '>' . dialogd_fallback( $widget, $id, $lang ) . '</dialogd-' . $widget . '>';
			return $html;
		}
	);
}

/**
 * The server-rendered fallback for one widget.
 *
 * @param string $widget Widget name.
 * @param string $id     Dialogue id ('' for the receipt widget).
 * @param string $lang   'sv' or 'en'.
 */
function dialogd_fallback( string $widget, string $id, string $lang ): string {
	$out = '<div class="dialogd-fallback dialogd-' . esc_attr( $widget ) . '">';
	if ( 'receipt' === $widget ) {
		return $out . dialogd_fallback_receipt() . '</div>';
	}
	if ( '' === $id ) {
		return $out . '<p>' . esc_html__( 'No dialogue chosen.', 'dialogd' ) . '</p></div>';
	}
	$answer = dialogd_public_client()->get_cached( '/v1/dialogues/' . rawurlencode( $id ) );
	if ( 200 !== $answer['status'] || ! is_array( $answer['body'] ) ) {
		return $out . '<p>' . esc_html__( 'This dialogue cannot be shown right now.', 'dialogd' ) . '</p></div>';
	}
	$dialogue = $answer['body'];
	$out     .= '<p class="dialogd-title"><strong>' . esc_html( (string) ( $dialogue['title'] ?? '' ) ) . '</strong></p>';
	$out     .= '<p class="dialogd-state">' . esc_html__( 'Status:', 'dialogd' ) . ' <span data-state="' . esc_attr( (string) ( $dialogue['state'] ?? '' ) ) . '">' . esc_html( dialogd_state_label( (string) ( $dialogue['state'] ?? '' ) ) ) . '</span></p>';
	if ( 'ladder' === $widget && isset( $dialogue['declared_level'] ) ) {
		/* translators: %d: step 1-5 on the participation ladder */
		$out .= '<p class="dialogd-level">' . esc_html( sprintf( __( 'Participation ladder: step %d of 5', 'dialogd' ), (int) $dialogue['declared_level'] ) ) . '</p>';
	}
	if ( 'contribute' === $widget ) {
		$out .= dialogd_fallback_form( $id, $lang, ( $dialogue['state'] ?? '' ) === 'in_dialogue' );
	}
	$out .= '<p><a class="dialogd-link" href="' . esc_url( dialogd_public_page_url( $id ) ) . '">' . esc_html__( 'Read more about the dialogue', 'dialogd' ) . '</a></p>';
	return $out . '</div>';
}

/**
 * The site's own contribution form (sent to the WordPress REST route, never to dialogd directly).
 *
 * @param string $id   Dialogue id.
 * @param string $lang Language.
 * @param bool   $open Whether the dialogue takes contributions.
 */
function dialogd_fallback_form( string $id, string $lang, bool $open ): string {
	if ( ! $open ) {
		return '<p>' . esc_html__( 'This dialogue does not take contributions right now.', 'dialogd' ) . '</p>';
	}
	dialogd_enqueue_contribute_script();
	static $n = 0;
	++$n;
	$field = 'dialogd-text-' . $n;
	$out   = '<form class="dialogd-contribute-form" method="post" data-dialogue="' . esc_attr( $id ) . '" data-lang="' . esc_attr( $lang ) . '">';
	$out  .= '<p><label for="' . esc_attr( $field ) . '">' . esc_html__( 'Your contribution', 'dialogd' ) . '</label><br>';
	$out  .= '<textarea id="' . esc_attr( $field ) . '" name="text" rows="4" cols="40" required></textarea></p>';
	$out  .= '<p><button type="submit">' . esc_html__( 'Send', 'dialogd' ) . '</button></p>';
	$out  .= '<p class="dialogd-result" role="status" aria-live="polite"></p>';
	return $out . '</form>';
}

/**
 * The receipt fallback: a GET form; a submitted code is looked up server side.
 */
function dialogd_fallback_receipt(): string {
	// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a public read, nothing changes.
	$code = isset( $_GET['dialogd_receipt'] ) ? preg_replace( '/[^A-Za-z0-9-]/', '', sanitize_text_field( wp_unslash( $_GET['dialogd_receipt'] ) ) ) : '';
	static $n = 0;
	++$n;
	$field = 'dialogd-receipt-' . $n;
	$out   = '<form method="get" class="dialogd-receipt-form"><p><label for="' . esc_attr( $field ) . '">' . esc_html__( 'Receipt code', 'dialogd' ) . '</label> ';
	$out  .= '<input type="text" id="' . esc_attr( $field ) . '" name="dialogd_receipt" value="' . esc_attr( $code ) . '"> ';
	$out  .= '<button type="submit">' . esc_html__( 'Look up', 'dialogd' ) . '</button></p></form>';
	if ( '' !== $code ) {
		$answer = dialogd_public_client()->get_cached( '/v1/receipts/' . rawurlencode( $code ), 30 );
		if ( 200 === $answer['status'] && is_array( $answer['body'] ) ) {
			$body = $answer['body'];
			$out .= '<p class="dialogd-receipt-result">' . esc_html( (string) ( $body['dialogue']['title'] ?? $body['dialogue_title'] ?? '' ) ) . ' — ' . esc_html( dialogd_state_label( (string) ( $body['dialogue']['state'] ?? $body['state'] ?? '' ) ) ) . '</p>';
		} else {
			$out .= '<p class="dialogd-receipt-result">' . esc_html__( 'No contribution has that receipt code.', 'dialogd' ) . '</p>';
		}
	}
	return $out;
}

/**
 * Registers dialogd's public dialogue pages as an oEmbed provider.
 */
function dialogd_register_oembed(): void {
	$base = dialogd_base_url();
	if ( '' === $base ) {
		return;
	}
	wp_oembed_add_provider( $base . '/d/*', $base . '/oembed', false );
}
