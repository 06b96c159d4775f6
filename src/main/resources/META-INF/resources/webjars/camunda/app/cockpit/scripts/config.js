// Configuration of this web application (replaces the vendor's empty default).
export default {
  // Chinese for the staff: the language is the browser's first language cut at "-" (zh-CN, zh-TW → zh);
  // zh.json sits in ../locales beside the vendor's en.json; any other language gets English.
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  }
};
