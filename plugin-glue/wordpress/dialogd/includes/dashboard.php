<?php
/**
 * Dashboard widget for editors: the organisation's dialogues with overdue feedback.
 *
 * @package dialogd
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Adds the widget for users who can edit pages.
 */
function dialogd_dashboard_setup(): void {
	if ( ! current_user_can( 'edit_pages' ) ) {
		return;
	}
	wp_add_dashboard_widget( 'dialogd_overdue', __( 'dialogd: overdue feedback', 'dialogd' ), 'dialogd_render_dashboard_widget' );
}

/**
 * Renders the widget from GET /v1/feedback/overdue (with the server-side key, cached briefly).
 */
function dialogd_render_dashboard_widget(): void {
	if ( ! current_user_can( 'edit_pages' ) ) {
		return;
	}
	if ( '' === dialogd_base_url() ) {
		echo '<p>' . esc_html__( 'dialogd is not configured yet (Settings → dialogd).', 'dialogd' ) . '</p>';
		return;
	}
	$cache_key = 'dialogd_overdue';
	$answer    = get_transient( $cache_key );
	if ( ! is_array( $answer ) ) {
		$answer = dialogd_portal_client()->request( 'GET', '/v1/feedback/overdue' );
		if ( 200 === $answer['status'] ) {
			set_transient( $cache_key, $answer, 120 );
		}
	}
	if ( 200 !== $answer['status'] || ! is_array( $answer['body'] ) ) {
		echo '<p>' . esc_html__( 'Overdue feedback cannot be shown: the key on file may not allow it.', 'dialogd' ) . '</p>';
		return;
	}
	echo dialogd_overdue_list_html( $answer['body'] ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped inside.
}

/**
 * The list's HTML (escaped).
 *
 * @param array $body dialogd's answer ({items: [...]}).
 */
function dialogd_overdue_list_html( array $body ): string {
	$items = isset( $body['items'] ) && is_array( $body['items'] ) ? $body['items'] : array();
	if ( ! $items ) {
		return '<p>' . esc_html__( 'No feedback is overdue.', 'dialogd' ) . '</p>';
	}
	$out = '<ul class="dialogd-overdue">';
	foreach ( $items as $item ) {
		if ( ! is_array( $item ) ) {
			continue;
		}
		$id    = dialogd_sanitize_id( $item['dialogue_id'] ?? '' );
		$count = is_array( $item['overdue_messages'] ?? null ) ? count( $item['overdue_messages'] ) : (int) ( $item['overdue_messages'] ?? 0 );
		$out  .= '<li><a href="' . esc_url( dialogd_public_page_url( $id ) ) . '">' . esc_html( (string) ( $item['title'] ?? $id ) ) . '</a> — ';
		/* translators: %d: number of overdue feedback messages */
		$out .= esc_html( sprintf( _n( '%d feedback message overdue', '%d feedback messages overdue', $count, 'dialogd' ), $count ) );
		if ( ! empty( $item['follow_up_overdue'] ) ) {
			$out .= ', ' . esc_html__( 'follow-up overdue', 'dialogd' );
		}
		$out .= '</li>';
	}
	return $out . '</ul>';
}
