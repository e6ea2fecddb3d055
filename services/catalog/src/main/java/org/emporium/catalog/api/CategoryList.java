package org.emporium.catalog.api;

import java.util.List;
import org.emporium.catalog.Category;

/** Every category. Wrapped in an object so fields can be added without breaking clients. */
public record CategoryList(List<Category> items) {
}
