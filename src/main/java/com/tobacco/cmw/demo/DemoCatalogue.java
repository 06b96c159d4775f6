package com.tobacco.cmw.demo;

import com.tobacco.cmw.customer.Brand;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Twenty brands over the five price classes; minimum retail price per carton = 10 packs. */
final class DemoCatalogue {

  private DemoCatalogue() {}

  // name, price class, wholesale per carton, minimum retail per pack
  private static final Object[][] BRANDS = {
      {"雲峰(硬金)", 1, 380.0, 45.0}, {"錦江(細支)", 1, 300.0, 35.0}, {"金橋(軟)", 1, 520.0, 60.0}, {"天目(典藏)", 1, 850.0, 100.0},
      {"雲峰(軟藍)", 2, 190.0, 22.0}, {"錦江(硬)", 2, 160.0, 19.0}, {"紅河谷(精品)", 2, 200.0, 23.0}, {"金橋(硬)", 2, 150.0, 17.0},
      {"西湖(新版)", 3, 110.0, 13.0}, {"紅河谷(硬)", 3, 90.0, 11.0}, {"天目(硬)", 3, 120.0, 14.0}, {"東海(軟)", 3, 85.0, 10.0},
      {"西湖(經典)", 3, 100.0, 12.0}, {"東海(硬)", 4, 60.0, 7.0}, {"長江(軟)", 4, 52.0, 6.0}, {"黃山松(硬)", 4, 45.0, 5.5},
      {"長江(硬)", 4, 40.0, 5.0}, {"黃山松(軟)", 5, 28.0, 3.5}, {"大眾(軟)", 5, 24.0, 3.0}, {"大眾(硬)", 5, 20.0, 2.5},
  };

  static List<Brand> brands() {
    List<Brand> list = new ArrayList<>();
    for (int i = 0; i < BRANDS.length; i++) {
      Object[] b = BRANDS[i];
      double pack = (Double) b[3];
      list.add(new Brand(String.format("B%03d", i + 1), (String) b[0], (Integer) b[1], DemoData.yuan((Double) b[2]),
          DemoData.yuan(pack), DemoData.yuan(pack * 10)));
    }
    return list;
  }

  /** Wholesale price per carton as a double, for generating amounts. */
  static double wholesale(Brand brand) {
    return brand.wholesalePriceCarton().doubleValue();
  }
}
