// Stand-in for prettier in the bundles: Mesh Config never formats documents.
module.exports = {
  format() {
    throw new Error('Formatting is not part of Mesh Config');
  },
};
