/** HTTP resources, parameter parsing and response bodies of the recommendations API. */
package org.emporium.recommendations.api;
