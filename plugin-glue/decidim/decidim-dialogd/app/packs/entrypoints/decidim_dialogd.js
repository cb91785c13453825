// The dialogd component's stylesheet; the live widgets come from dialogd itself (/widgets/v1/dialogd.js).
import "stylesheets/decidim/dialogd/dialogd.scss";
