<?php
/**
 * POST /wp-json/dialogd/v1/contributions: forwards a visitor's contribution to dialogd with the
 * portal key (which never leaves the server), passing on or making an Idempotency-Key.
 *
 * @package dialogd
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Fields of dialogd's ContributionInput the route passes on. */
const DIALOGD_CONTRIBUTION_FIELDS = array( 'text', 'channel', 'themes', 'groups', 'language', 'contact' );

/**
 * Registers the route.
 */
function dialogd_register_rest_routes(): void {
	register_rest_route(
		'dialogd/v1',
		'/contributions',
		array(
			'methods'             => 'POST',
			'callback'            => 'dialogd_rest_contribute',
			'permission_callback' => 'dialogd_rest_contribute_permission',
			'args'                => array(
				'dialogue' => array(
					'type'     => 'string',
					'required' => true,
				),
			),
		)
	);
}

/**
 * The visitor's language for messages: the body's "lang", else Accept-Language, else the site's.
 *
 * @param WP_REST_Request $request Request.
 */
function dialogd_request_lang( WP_REST_Request $request ): string {
	$lang = (string) ( $request->get_param( 'lang' ) ?? '' );
	if ( '' === $lang ) {
		$lang = (string) $request->get_header( 'accept_language' );
	}
	return dialogd_lang( $lang );
}

/**
 * Permission: a valid nonce (the form's) and the visitor within the rate limit.
 *
 * @param WP_REST_Request $request Request.
 * @return true|WP_Error
 */
function dialogd_rest_contribute_permission( WP_REST_Request $request ) {
	$lang  = dialogd_request_lang( $request );
	$nonce = (string) $request->get_header( 'x_dialogd_nonce' );
	if ( '' === $nonce ) {
		$nonce = (string) ( $request->get_param( '_dialogd_nonce' ) ?? '' );
	}
	if ( ! wp_verify_nonce( $nonce, 'dialogd_contribute' ) ) {
		return dialogd_in_language( $lang, static fn() => new WP_Error( 'dialogd_bad_nonce', __( 'The form has expired. Reload the page and try again.', 'dialogd' ), array( 'status' => 403 ) ) );
	}
	if ( ! dialogd_rate_limit_allows( dialogd_visitor_id() ) ) {
		return dialogd_in_language( $lang, static fn() => new WP_Error( 'dialogd_rate_limited', __( 'You have sent many contributions in a short time. Please wait a while and try again.', 'dialogd' ), array( 'status' => 429 ) ) );
	}
	return true;
}

/**
 * A visitor's identity for rate limiting: a hash of the address (never stored in clear).
 */
function dialogd_visitor_id(): string {
	$ip = isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) : '';
	return wp_hash( 'dialogd-visitor|' . $ip );
}

/**
 * Counts one attempt and says whether the visitor is within the limit
 * (filter `dialogd_rate_limit`, default 20 per `dialogd_rate_window` seconds, default 600).
 *
 * @param string $visitor Visitor id.
 */
function dialogd_rate_limit_allows( string $visitor ): bool {
	$limit  = (int) apply_filters( 'dialogd_rate_limit', 20 );
	$window = (int) apply_filters( 'dialogd_rate_window', 600 );
	$key    = 'dialogd_rl_' . substr( $visitor, 0, 32 );
	$state  = get_transient( $key );
	$now    = time();
	if ( ! is_array( $state ) || $state['until'] <= $now ) {
		$state = array( 'count' => 0, 'until' => $now + $window );
	}
	++$state['count'];
	set_transient( $key, $state, max( 1, $state['until'] - $now ) );
	return $state['count'] <= $limit;
}

/**
 * An Idempotency-Key as dialogd accepts it: the visitor's if well formed, else a new UUID.
 *
 * @param string $given The visitor's header value.
 */
function dialogd_idempotency_key( string $given ): string {
	$given = trim( $given );
	if ( '' !== $given && strlen( $given ) <= 200 && preg_match( '/^[\x21-\x7e]+$/', $given ) ) {
		return $given;
	}
	return wp_generate_uuid4();
}

/**
 * Builds the body dialogd receives from the visitor's request.
 *
 * @param array $params Request params.
 */
function dialogd_contribution_body( array $params ): array {
	$body = array();
	foreach ( DIALOGD_CONTRIBUTION_FIELDS as $field ) {
		if ( array_key_exists( $field, $params ) ) {
			$body[ $field ] = $params[ $field ];
		}
	}
	if ( ! isset( $body['channel'] ) ) {
		$body['channel'] = 'web';
	}
	return $body;
}

/**
 * Handles the route.
 *
 * @param WP_REST_Request $request Request.
 * @return WP_REST_Response|WP_Error
 */
function dialogd_rest_contribute( WP_REST_Request $request ) {
	$lang = dialogd_request_lang( $request );
	$id   = dialogd_sanitize_id( $request->get_param( 'dialogue' ) );
	if ( '' === dialogd_base_url() || '' === dialogd_option( 'dialogd_portal_key' ) ) {
		return dialogd_in_language( $lang, static fn() => new WP_Error( 'dialogd_not_configured', __( 'Contributions cannot be received right now.', 'dialogd' ), array( 'status' => 503 ) ) );
	}
	$params = $request->get_json_params();
	if ( ! is_array( $params ) ) {
		$params = $request->get_body_params();
	}
	$idem   = dialogd_idempotency_key( (string) $request->get_header( 'idempotency_key' ) );
	$answer = dialogd_portal_client()->request(
		'POST',
		'/v1/dialogues/' . rawurlencode( $id ) . '/contributions',
		dialogd_contribution_body( $params ),
		array( 'Idempotency-Key' => $idem )
	);
	if ( 200 === $answer['status'] || 201 === $answer['status'] ) {
		$c        = is_array( $answer['body'] ) ? $answer['body'] : array();
		$response = new WP_REST_Response(
			array(
				'id'       => $c['id'] ?? null,
				'receipt'  => $c['receipt'] ?? null,
				'dialogue' => $id,
			),
			$answer['status']
		);
		$response->header( 'Idempotency-Key', $idem );
		return $response;
	}
	return dialogd_in_language( $lang, static fn() => dialogd_problem_to_error( $answer ) );
}

/**
 * Turns dialogd's problem+json into a WP_Error with readable, translated messages.
 *
 * @param array $answer The client's answer.
 */
function dialogd_problem_to_error( array $answer ): WP_Error {
	$status  = (int) $answer['status'];
	$problem = is_array( $answer['body'] ) ? $answer['body'] : array();
	$errors  = array();
	foreach ( (array) ( $problem['errors'] ?? array() ) as $e ) {
		if ( ! is_array( $e ) ) {
			continue;
		}
		$field    = (string) ( $e['field'] ?? '' );
		$errors[] = array(
			'field'   => $field,
			'message' => dialogd_field_message( $field ),
		);
	}
	switch ( true ) {
		case 0 === $status:
			$message = __( 'dialogd could not be reached. Please try again later.', 'dialogd' );
			$status  = 502;
			break;
		case 404 === $status:
			$message = __( 'The dialogue was not found.', 'dialogd' );
			break;
		case 409 === $status:
			$message = __( 'This dialogue does not take contributions right now.', 'dialogd' );
			break;
		case 413 === $status:
			$message = __( 'Your contribution is too long.', 'dialogd' );
			break;
		case 422 === $status || 400 === $status:
			$message = __( 'Please check your contribution.', 'dialogd' );
			break;
		case 429 === $status:
			$message = __( 'You have sent many contributions in a short time. Please wait a while and try again.', 'dialogd' );
			break;
		case 401 === $status || 403 === $status:
			$message = __( 'This site cannot send contributions right now.', 'dialogd' );
			$status  = 502;
			break;
		default:
			$message = __( 'Your contribution could not be sent. Please try again.', 'dialogd' );
			$status  = $status >= 500 ? 502 : $status;
	}
	return new WP_Error( 'dialogd_' . $status, $message, array( 'status' => $status, 'errors' => $errors ) );
}

/**
 * A readable message for one invalid field of a contribution.
 *
 * @param string $field JSON pointer-ish field name from dialogd (e.g. "text", "contact.email").
 */
function dialogd_field_message( string $field ): string {
	$field = ltrim( str_replace( '/', '.', $field ), '.' );
	switch ( $field ) {
		case 'text':
			return __( 'Write your contribution (it cannot be empty or too long).', 'dialogd' );
		case 'contact.email':
			return __( 'Enter a valid e-mail address.', 'dialogd' );
		case 'contact.consent':
			return __( 'To hear back, you must agree that we use your contact details for feedback.', 'dialogd' );
		case 'contact':
		case 'contact.name':
			return __( 'Check your contact details.', 'dialogd' );
		case 'language':
			return __( 'The language is not supported.', 'dialogd' );
		case 'themes':
		case 'groups':
			return __( 'Choose among the listed options.', 'dialogd' );
		default:
			/* translators: %s: field name */
			return sprintf( __( 'Check the field "%s".', 'dialogd' ), $field );
	}
}
