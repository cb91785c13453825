<?php
/**
 * Minimal theme for the tests: one landmark per region, a heading, the content.
 *
 * @package dialogd-test
 */
?><!DOCTYPE html>
<html <?php language_attributes(); ?>>
<head>
<meta charset="<?php bloginfo( 'charset' ); ?>">
<meta name="viewport" content="width=device-width, initial-scale=1">
<?php wp_head(); ?>
</head>
<body <?php body_class(); ?>>
<header><p><?php bloginfo( 'name' ); ?></p></header>
<main>
<?php
while ( have_posts() ) :
	the_post();
	?>
	<h1><?php the_title(); ?></h1>
	<?php the_content(); ?>
<?php endwhile; ?>
</main>
<?php wp_footer(); ?>
</body>
</html>
